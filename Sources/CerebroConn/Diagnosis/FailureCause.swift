/// What a failed connection means, recognised from libpq's and the server's words.
///
/// libpq gives connection failures no code, so its text is the only clue; each case below
/// matches a fixed phrase measured with libpq 15 (see the tests for the exact texts). The
/// rendering into sentences with a fix happens in the command-line layer.
public enum FailureCause: Sendable, Equatable {
    /// The server does not trust the CA that signed our client certificate (`unknown ca`).
    case clientCertificateUnknownToServer
    /// The server says our client certificate has expired.
    case clientCertificateExpired
    /// The server says our client certificate was revoked or is otherwise bad.
    case clientCertificateRefused(alert: String)
    /// The server's certificate does not carry the host name we connected to.
    case hostNameMismatch(certificateName: String, otherNames: Int, host: String)
    /// The server's certificate does not verify against our CA file; which check failed is
    /// found by verifying the chain again (`ServerChainProblem`), since libpq does not say.
    case serverCertificateUntrusted
    /// The server and libpq share no TLS version: libpq offers TLS 1.2 and 1.3 only.
    case tlsVersionUnsupported
    /// The server answered the SSL request with "no": it has `ssl = off`, or it is not the
    /// PostgreSQL server meant.
    case serverWithoutSSL
    /// The server requires a client certificate and none was sent.
    case clientCertificateRequired
    /// The certificate's common name is not the role we log in as.
    case certificateUserMismatch(user: String)
    /// The server asks for a password and none is available.
    case passwordRequired
    /// The password (from ~/.pgpass) was wrong.
    case passwordFailed(user: String)
    /// pg_hba.conf refuses unencrypted connections for this role, and the server declined SSL
    /// (only then does libpq, under `sslmode=prefer`, connect without it at first).
    case encryptionRequired
    /// pg_hba.conf has no line that lets this role in over SSL.
    case noMatchingHBALine(user: String, database: String)
    /// The database does not exist on the server.
    case unknownDatabase(name: String)
    /// The role does not exist on the server.
    case unknownRole(name: String)
    /// Nothing listens at the address.
    case connectionRefused
    /// No route leads to the address; the reason is the system's, such as `no route to host`.
    case hostUnreachable(reason: String)
    /// Our deadline passed; the phase says how far the connection got.
    case timedOut(TimeoutPhase)
    /// The host name does not resolve.
    case unknownHost
    /// The CA file named in the plan does not exist.
    case missingRootCertificate(path: String)
    /// The CA file is not a PEM certificate.
    case unreadableRootCertificate(path: String)
    /// A certificate or key file could not be read (libpq's reason text may be garbage).
    case unreadableFile(path: String)
    /// The key file's mode is too open for libpq.
    case keyPermissions(path: String)
    /// The key does not belong to the certificate.
    case keyMismatch(path: String)
    /// The certificate exists but its key file does not.
    case keyFileMissing(path: String)
    /// The key is encrypted and no passphrase was given.
    case encryptedKey(path: String)
    /// The passphrase did not decrypt the key.
    case wrongPassphrase(path: String)
    /// The server closed the connection without saying why.
    case serverClosedConnection
    /// Nothing above matched.
    case unrecognised

    /// Recognises the cause in a failure's text.
    public static func recognise(_ failure: ConnectionFailure) -> FailureCause {
        if failure.timedOut {
            return .timedOut(failure.timeoutPhase ?? .connecting)
        }
        // With several hosts, the last attempt is the one that ended the connection.
        let text = failure.attempts.last?.message ?? failure.message
        return ordered.lazy.compactMap { $0(text) }.first ?? .unrecognised
    }

    // Checked in order; the first match wins. A multi-attempt message (sslmode=prefer's
    // fall-back) lists the SSL attempt first, which is the one that explains the failure.
    private static let ordered: [@Sendable (String) -> FailureCause?] = [
        { $0.contains("alert unknown ca") ? .clientCertificateUnknownToServer : nil },
        // Before the other alerts: the server's "protocol version" alert is about TLS, not
        // about our certificate. libpq adds "This may indicate that the server does not
        // support any SSL protocol version between TLSv1.2 and TLSv1.3." to it, and to
        // OpenSSL's other version errors.
        { text in
            text.contains("alert protocol version")
                || text.contains("does not support any SSL protocol version")
                ? .tlsVersionUnsupported : nil
        },
        { $0.contains("alert certificate expired") ? .clientCertificateExpired : nil },
        { text in alert(in: text).map { .clientCertificateRefused(alert: $0) } },
        hostMismatch,
        { $0.contains("certificate verify failed") ? .serverCertificateUntrusted : nil },
        {
            $0.contains("connection requires a valid client certificate")
                ? .clientCertificateRequired : nil
        },
        { text in
            quoted(after: "certificate authentication failed for user ", in: text).map {
                .certificateUserMismatch(user: $0)
            }
        },
        { $0.contains("no password supplied") ? .passwordRequired : nil },
        { text in
            quoted(after: "password authentication failed for user ", in: text).map {
                .passwordFailed(user: $0)
            }
        },
        hbaRejection,
        { text in
            quoted(after: "FATAL:  database ", in: text, ending: "does not exist").map {
                .unknownDatabase(name: $0)
            }
        },
        { text in
            quoted(after: "FATAL:  role ", in: text, ending: "does not exist").map {
                .unknownRole(name: $0)
            }
        },
        {
            $0.contains("server does not support SSL, but SSL was required")
                ? .serverWithoutSSL : nil
        },
        { text in
            quoted(after: "root certificate file ", in: text, ending: "does not exist").map {
                .missingRootCertificate(path: $0)
            }
        },
        rootCertificateUnreadable,
        { text in
            quoted(after: "private key file ", in: text, ending: "has group or world access").map {
                .keyPermissions(path: $0)
            }
        },
        { text in
            guard let path = quoted(after: "could not load private key file ", in: text) else {
                return nil
            }
            if text.contains("key values mismatch") { return .keyMismatch(path: path) }
            if text.contains("bad decrypt") { return .wrongPassphrase(path: path) }
            if text.contains("processing error") { return .encryptedKey(path: path) }
            return .unreadableFile(path: path)
        },
        { text in
            quoted(after: "certificate does not match private key file ", in: text).map {
                .keyMismatch(path: $0)
            }
        },
        { text in
            quoted(after: "certificate present, but not private key file ", in: text).map {
                .keyFileMissing(path: $0)
            }
        },
        { text in
            quoted(after: "could not read certificate file ", in: text).map {
                .unreadableFile(path: $0)
            }
        },
        { $0.contains("Connection refused") ? .connectionRefused : nil },
        { $0.contains("No route to host") ? .hostUnreachable(reason: "no route to host") : nil },
        {
            $0.contains("Network is unreachable")
                ? .hostUnreachable(reason: "network is unreachable") : nil
        },
        { $0.contains("timeout expired") ? .timedOut(.connecting) : nil },
        { $0.contains("could not translate host name") ? .unknownHost : nil },
        { text in
            text.contains("server closed the connection unexpectedly")
                || text.contains("EOF detected")
                ? .serverClosedConnection : nil
        },
    ]

    private static func hostMismatch(_ text: String) -> FailureCause? {
        guard let name = quoted(after: "server certificate for ", in: text),
            let host = quoted(after: "does not match host name ", in: text)
        else {
            return nil
        }
        var others = 0
        if let range = text.firstRange(of: "(and ") {
            others = Int(text[range.upperBound...].prefix(while: \.isNumber)) ?? 0
        }
        return .hostNameMismatch(certificateName: name, otherNames: others, host: host)
    }

    /// `could not read root certificate file`: not PEM when OpenSSL says so; otherwise the file
    /// could not be read, and libpq's reason may be uninitialised bytes.
    private static func rootCertificateUnreadable(_ text: String) -> FailureCause? {
        guard let path = quoted(after: "could not read root certificate file ", in: text) else {
            return nil
        }
        let isNotPEM = text.contains("no certificate or crl found")
        return isNotPEM ? .unreadableRootCertificate(path: path) : .unreadableFile(path: path)
    }

    /// pg_hba.conf's refusal, unless it is the refusal of a retry.
    ///
    /// A refused plain attempt after an attempt to the same server is `sslmode=prefer`'s retry
    /// once SSL failed: that SSL attempt explains the failure, so the refusal is left to the
    /// checks after this one (and the caller notes the retry).
    private static func hbaRejection(_ text: String) -> FailureCause? {
        let lines = text.split(separator: "\n")
        guard let index = lines.firstIndex(where: { $0.contains("pg_hba.conf rejects connection") })
        else {
            return nil
        }
        if lines[index].hasSuffix("no encryption") {
            let server = attemptedServer(lines[index])
            let isRetry =
                server != nil && lines[..<index].contains { attemptedServer($0) == server }
            return isRetry ? nil : .encryptionRequired
        }
        let user = quoted(after: "user ", in: text) ?? ""
        let database = quoted(after: "database ", in: text) ?? ""
        return .noMatchingHBALine(user: user, database: database)
    }

    /// The server of an attempt's first line: `connection to server at "h" (a), port 5432`.
    private static func attemptedServer(_ line: Substring) -> Substring? {
        guard line.hasPrefix("connection to server at "), let end = line.firstRange(of: " failed: ")
        else {
            return nil
        }
        return line[..<end.lowerBound]
    }

    /// The TLS alert after `SSL error: `, for alerts not matched more precisely.
    private static func alert(in text: String) -> String? {
        guard
            let range = text.firstRange(of: "SSL error: tlsv1 alert ")
                ?? text.firstRange(of: "SSL error: sslv3 alert ")
        else {
            return nil
        }
        return String(text[range.upperBound...].prefix(while: { $0 != "\n" }))
    }

    /// The double-quoted text right after `prefix`, optionally required to be followed by `ending`.
    static func quoted(after prefix: String, in text: String, ending: String? = nil) -> String? {
        guard let start = text.firstRange(of: prefix + "\"") else {
            return nil
        }
        let rest = text[start.upperBound...]
        guard let close = rest.firstIndex(of: "\"") else {
            return nil
        }
        if let ending, !rest[rest.index(after: close)...].hasPrefix(" " + ending) {
            return nil
        }
        return String(rest[..<close])
    }
}
