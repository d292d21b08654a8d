import CerebroConn

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

// The explanations that depend on more than the cause: what re-verifying the server's chain
// found, where the password came from, and every host of a list that did not answer.

extension FailureMessages {
    /// libpq's `certificate verify failed`, with the check that failed when the peek found it.
    static func unverified(
        server: String,
        authority: String,
        _ context: FailureContext
    ) -> Message {
        switch context.serverChainProblem {
        case .expired(.server, let notAfter):
            Message(
                "the certificate of \(server) expired on \(utc(notAfter))",
                hint: "ask the server's administrator to renew it"
            )
        case .notYetValid(.server, let notBefore):
            Message(
                "the certificate of \(server) is not valid before \(utc(notBefore))",
                hint: "check this machine's clock, or ask the server's administrator for a "
                    + "certificate that is valid now"
            )
        case .expired(.intermediate(let subject), let notAfter):
            Message(
                "the CA certificate '\(subject)' that \(server) sends with its own expired on "
                    + utc(notAfter),
                hint: "ask the server's administrator to renew it"
            )
        case .notYetValid(.intermediate(let subject), let notBefore):
            Message(
                "the CA certificate '\(subject)' that \(server) sends with its own is not valid "
                    + "before \(utc(notBefore))",
                hint: "check this machine's clock, or ask the server's administrator"
            )
        case .expired(.authority(let subject), let notAfter):
            Message(
                "\(authority) holds the CA certificate '\(subject)' that signs the certificate "
                    + "of \(server), and it expired on \(utc(notAfter))",
                hint: "put the CA's renewed certificate in \(authority)"
            )
        case .notYetValid(.authority(let subject), let notBefore):
            Message(
                "\(authority) holds the CA certificate '\(subject)' that signs the certificate "
                    + "of \(server), and it is not valid before \(utc(notBefore))",
                hint: "check this machine's clock"
            )
        case .other(let reason):
            Message(
                "the certificate of \(server) does not verify against \(authority): \(reason)",
                hint: "ask the server's administrator for a certificate that verifies against "
                    + authority
            )
        case .untrusted, nil:
            Message(
                "the certificate of \(server) is not signed by \(authority)"
                    + (context.serverIssuer.map { " (it is issued by \($0))" } ?? ""),
                hint: "put the CA that signed the server's certificate in \(authority)"
            )
        }
    }

    /// The server asked for a password and libpq had none.
    static func passwordRequired(server: String, _ context: FailureContext) -> Message {
        let file =
            switch context.passwordSource {
            case .passwordFileVariable(let path): "\(path) (named by PGPASSFILE)"
            case .passwordVariable, .defaultPasswordFile: "~/.pgpass"
            }
        return Message(
            "\(server) asks for a password for '\(context.preset.user)'; "
                + "cerebro-conn never stores passwords",
            hint: "log in by certificate (a 'cert' line in pg_hba.conf) or put the password "
                + "in \(file) with mode 0600"
        )
    }

    /// The server refused the password; the fix names where it came from.
    static func passwordFailed(server: String, user: String, source: PasswordSource) -> Message {
        switch source {
        case .passwordVariable:
            Message(
                "\(server) rejected the password for '\(user)' from PGPASSWORD",
                hint: "set PGPASSWORD to the right password, or unset it to use ~/.pgpass"
            )
        case .passwordFileVariable(let path):
            Message(
                "\(server) rejected the password for '\(user)' from \(path) (named by PGPASSFILE)",
                hint: "correct the entry for this host in \(path)"
            )
        case .defaultPasswordFile:
            Message(
                "\(server) rejected the password for '\(user)'",
                hint: "correct the entry for this host in ~/.pgpass"
            )
        }
    }

    /// Several hosts, none of which answered: each one is named with what happened to it.
    static func noHostAnswered(_ attempts: [HostAttempt], _ context: FailureContext) -> Message {
        let port = context.preset.port
        let causes = attempts.map { FailureCause.recognise($0.failure) }
        if causes.allSatisfy({ $0 == .connectionRefused }) {
            let servers = attempts.map { address($0.host, port: port) }
            return Message(
                "none of \(servers.joined(separator: ", ")) accepts connections",
                hint: "check the hosts and port, and that the server is running and listening "
                    + "on one of them"
            )
        }
        let outcomes = zip(attempts, causes).map { attempt, cause in
            outcome(cause, of: attempt, context)
        }
        return Message(
            "no host answered: \(outcomes.joined(separator: ", "))",
            hint: "check the hosts and port, and that the server is running and listening on one "
                + "of them"
        )
    }

    /// What happened to one host that did not answer, in a few words.
    private static func outcome(
        _ cause: FailureCause,
        of attempt: HostAttempt,
        _ context: FailureContext
    ) -> String {
        let host = attempt.host
        let server = address(host, port: context.preset.port)
        let seconds = context.preset.connectTimeout
        return switch cause {
        case .connectionRefused: "\(server) refuses connections"
        case .hostUnreachable(let reason): "\(server) cannot be reached (\(reason))"
        case .unknownHost: "the host name '\(host)' does not resolve"
        case .timedOut(.connecting): "no TCP connection to \(server) within \(seconds) s"
        case .timedOut: "\(server) did not answer within \(seconds) s"
        // libpq's first line names the host and says what failed, the best there is for a
        // cause not known; the lines after it are libpq's generic hints.
        default: attempt.message.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        }
    }

    private static func utc(_ date: Date) -> String {
        UTCText.format(date) + " UTC"
    }
}
