import CerebroConn

/// Facts that make a failure's explanation precise, gathered when they can be.
struct FailureContext: Sendable {
    /// The preset that failed.
    var preset: Preset
    /// Its plan.
    var plan: ConnectionPlan?
    /// The host whose attempt failed, when known; otherwise the preset's hosts are named.
    var host: String?
    /// The client certificate's common name, if it could be read.
    var clientCommonName: String?
    /// The client certificate's issuer, if it could be read.
    var clientIssuer: String?
    /// The names the server's certificate carries, if they could be read.
    var serverNames: [String]?
    /// The server certificate's issuer, if it could be read.
    var serverIssuer: String?
    /// Why the server's chain does not verify against the CA file now, if it was checked.
    var serverChainProblem: ServerChainProblem?
    /// Where libpq took the password from.
    var passwordSource = PasswordSource.defaultPasswordFile
}

/// One line per connection failure: the file or host, the cause, and the fix.
enum FailureMessages {
    /// The explanation of `cause` for the preset in `context`.
    static func explain(_ cause: FailureCause, _ context: FailureContext) -> Message {
        let server = address(context.host ?? context.preset.host, port: context.preset.port)
        let client = context.plan?.certificateSet?.clientCertificate ?? "the client certificate"
        let authority = context.plan?.verifiedAgainst ?? "ca.crt"
        switch cause {
        case .clientCertificateUnknownToServer:
            let issuer = context.clientIssuer.map { " (issuer \($0))" } ?? ""
            return Message(
                "\(server) does not trust the CA that signed \(client)\(issuer)",
                hint: "use a client certificate issued by a CA in the server's ssl_ca_file, "
                    + "or ask the server's administrator to trust this issuer"
            )
        case .clientCertificateExpired:
            return Message(
                "\(server) refused \(client): the certificate has expired",
                hint: "get a renewed client certificate and replace \(client)"
            )
        case .clientCertificateRefused(let alert):
            return Message(
                "\(server) refused \(client) with TLS alert '\(alert)'",
                hint: "ask the server's administrator why the certificate is refused"
            )
        case .hostNameMismatch(let name, let others, let host):
            let names =
                context.serverNames.map { $0.joined(separator: ", ") }
                ?? "\(name)\(otherNames(others))"
            return Message(
                "the server certificate of \(server) names \(names), not '\(host)'",
                hint: "set --host to one of those names, or ask for a server certificate whose "
                    + "subject alternative names include '\(host)' (or use --verify ca)"
            )
        case .serverCertificateUntrusted:
            return unverified(server: server, authority: authority, context)
        case .tlsVersionUnsupported:
            return Message(
                "\(server) offers no TLS version that libpq accepts (TLS 1.2 or 1.3)",
                hint: "ask the server's administrator to enable TLS 1.2 or 1.3"
            )
        case .serverWithoutSSL:
            return Message(
                "\(server) does not offer SSL: the server has ssl = off, or it is not the "
                    + "PostgreSQL server meant",
                hint: "check --host and --port, or ask the server's administrator to turn ssl on"
            )
        case .clientCertificateRequired:
            if let sent = context.plan?.certificateSet?.clientCertificate {
                // The set has a pair, yet OpenSSL sent nothing: the certificate or its key is
                // one TLS cannot use (a DSA key under TLS 1.3, say), which the checks name.
                return Message(
                    "\(server) requires a client certificate, and \(sent) was not sent: "
                        + "TLS could not use it",
                    hint: "run 'cerebro-conn certs \(context.preset.name)' to see what is wrong "
                        + "with it, and ask your CA for an RSA or EC client certificate"
                )
            }
            return Message(
                "\(server) requires a client certificate and none was sent "
                    + "(the certificate set has no client.crt/client.key)",
                hint: "add client.crt and client.key (or client.pg.*) next to ca.crt, "
                    + "or point --certdir at the folder that has them"
            )
        case .certificateUserMismatch(let user):
            let name = context.clientCommonName.map { "CN=\($0)" } ?? "a different name"
            return Message(
                "\(server) accepted \(client) but its subject is \(name), not the role '\(user)'",
                hint: "set --user to the certificate's common name, or use a certificate "
                    + "issued for '\(user)' (or a pg_ident.conf map on the server)"
            )
        case .passwordRequired:
            return passwordRequired(server: server, context)
        case .passwordFailed(let user):
            return passwordFailed(server: server, user: user, source: context.passwordSource)
        case .encryptionRequired:
            // libpq tried SSL first, so --ssl would not help: the server declined it.
            return Message(
                "\(server) refuses connections without SSL for '\(context.preset.user)', "
                    + "but declined SSL when libpq asked for it",
                hint: serverWithoutSSLHint
            )
        case .noMatchingHBALine(let user, let database):
            return Message(
                "\(server) has no pg_hba.conf line letting '\(user)' into '\(database)' "
                    + "from this address over SSL",
                hint: "check --user and --db, or ask the server's administrator for access"
            )
        case .unknownDatabase(let name):
            return Message(
                "\(server) has no database '\(name)'",
                hint: "check --db (Cerebro's database is usually 'memoria')"
            )
        case .unknownRole(let name):
            return Message(
                "\(server) has no role '\(name)'",
                hint: "check --user, or ask the server's administrator to create the role"
            )
        case .connectionRefused:
            return Message(
                "nothing accepts connections at \(server)",
                hint: "check the host and port, and that the server is running and listening there"
            )
        case .hostUnreachable(let reason):
            return Message(
                "\(server) cannot be reached: \(reason)",
                hint: "check the address, and the network on the way (routes, VPN, firewall)"
            )
        case .timedOut(let phase):
            return timedOut(phase, server: server, seconds: context.preset.connectTimeout)
        case .unknownHost:
            return Message(
                "the host name '\(context.host ?? context.preset.host)' does not resolve",
                hint: "check the spelling of --host, or use an address"
            )
        case .missingRootCertificate(let path):
            return Message("\(path) does not exist", hint: "add the CA certificate there")
        case .unreadableRootCertificate(let path):
            return Message(
                "\(path) holds no PEM certificate",
                hint: "replace it with the CA certificate in PEM form"
            )
        case .unreadableFile(let path):
            return Message(
                "\(path) cannot be read (libpq's own reason text is unreliable here)",
                hint: "check that the file belongs to you and is readable"
            )
        case .keyPermissions(let path):
            return Message(
                "\(path) has group or world access, which libpq refuses",
                hint: "copy the key to a 0600 file you own"
            )
        case .keyMismatch(let path):
            return Message(
                "\(path) does not belong to \(client) (public keys differ)",
                hint: "put the key that was issued with the certificate next to it"
            )
        case .keyFileMissing(let path):
            return Message("\(path) does not exist", hint: "put the certificate's key there")
        case .encryptedKey(let path):
            return Message(
                "\(path) is encrypted; a passphrase (sslpassword) is required",
                hint: "run on a terminal to be asked, or pass --passphrase-file FILE"
            )
        case .wrongPassphrase(let path):
            return Message(
                "could not decrypt \(path) (wrong passphrase?)",
                hint: "check the passphrase"
            )
        case .serverClosedConnection:
            return Message(
                "\(server) closed the connection without an answer",
                hint: "check the server's log; it may not speak PostgreSQL on that port"
            )
        case .unrecognised:
            return Message("the connection failed", hint: "see libpq's message with -v")
        }
    }

    private static let serverWithoutSSLHint =
        "check the host and port (a proxy or pooler without SSL may answer there), or ask the "
        + "server's administrator to turn on ssl in postgresql.conf"

    /// `host:port`, with an IPv6 address in brackets: `[::1]:5432`.
    static func address(_ host: String, port: Int) -> String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    private static func timedOut(_ phase: TimeoutPhase, server: String, seconds: Int) -> Message {
        switch phase {
        case .connecting:
            Message(
                "no TCP connection to \(server) within \(seconds) s",
                hint: "check the host and port; a firewall may be dropping the packets "
                    + "(--timeout gives it longer)"
            )
        case .answering:
            Message(
                "\(server) accepted the TCP connection but did not answer within \(seconds) s",
                hint: "check that a PostgreSQL server listens on that port and is not overloaded"
            )
        case .querying:
            Message(
                "\(server) let us in but did not answer SELECT 1 within \(seconds) s",
                hint: "the server may be overloaded or blocked; check its log"
            )
        }
    }

    /// " and N other name(s)", or nothing for none.
    private static func otherNames(_ count: Int) -> String {
        count == 0 ? "" : " and \(count) other name\(count == 1 ? "" : "s")"
    }
}
