import CerebroConn

/// How `test` shows one preset's result, as text and as JSON.
enum TestReport {
    /// The exit status a result stands for.
    static func status(_ result: CheckResult) -> ExitStatus {
        switch result.outcome {
        case .accepted: .success
        case .failed(let failure):
            switch failure.kind {
            case .rejected: .failure
            case .noResponse: .noResponse
            case .notAttempted: .notAttempted
            }
        case .notAttempted, .prepared: .notAttempted
        }
    }

    /// The one-word verdict.
    static func verdict(_ result: CheckResult) -> String {
        switch status(result) {
        case .success: "accepted"
        case .failure: "rejected"
        case .noResponse: "no response"
        default: "not attempted"
        }
    }

    /// Writes the verdict and facts to stdout, and warnings and any failure with its fix to
    /// stderr, one line each; under `-v` also libpq's text of a failure, or the server's
    /// notices on an accepted connection.
    static func print(_ result: CheckResult, _ context: CommandContext) {
        let color: Color =
            switch status(result) {
            case .success: .green
            case .noResponse: .yellow
            default: .red
            }
        let verdict = context.diagnostics.paintResult(verdict(result), color)
        context.diagnostics.result("\(result.name): " + verdict)

        for warning in result.findings where warning.severity == .warning {
            let message = ErrorMessages.message(for: warning)
            context.diagnostics.warning(Message(oneLine(result.name, message)))
        }
        switch result.outcome {
        case .accepted(let report):
            let rows = facts(report, plan: result.plan)
            let lines = PresetPresentation.aligned(rows).joined(separator: "\n")
            context.terminal.writeOut(lines + "\n")
            for notice in report.serverNotices {
                context.diagnostics.detail("  server: " + notice.replacing("\n", with: "\n  "))
            }
        case .failed(let failure):
            let explanation = explain(failure, result)
            context.diagnostics.error(Message(oneLine(result.name, explanation)))
            let libpq = failure.message.replacing("\n", with: "\n  ")
            context.diagnostics.detail("  libpq: " + libpq)
        case .notAttempted(let problem):
            for message in problem.messages {
                context.diagnostics.error(Message(oneLine(result.name, message)))
            }
        case .prepared:
            break
        }
    }

    /// The cause and fix of a failed connection, with every fact the check gathered.
    static func explain(_ failure: ConnectionFailure, _ result: CheckResult) -> Message {
        let cause = FailureCause.recognise(failure)
        let severalUnanswered = failure.kind == .noResponse && failure.attempts.count > 1
        guard let preset = result.preset, cause != .unrecognised || severalUnanswered else {
            return Message(
                singleLine(failure.message),
                hint: "run with -v for more, or see the server's log"
            )
        }

        let context = FailureContext(
            preset: preset,
            plan: result.plan,
            host: failure.host,
            clientCommonName: result.clientCertificate?.commonName,
            clientIssuer: result.clientCertificate?.issuer,
            serverNames: result.peekedServerCertificate?.hostNames,
            serverIssuer: result.peekedServerCertificate?.issuer,
            serverChainProblem: result.serverChainProblem,
            passwordSource: result.passwordSource
        )
        if severalUnanswered {
            return FailureMessages.noHostAnswered(failure.attempts, context)
        }
        return withRetryNote(FailureMessages.explain(cause, context), failure, cause, preset)
    }

    /// libpq's text on one line, for a failure line never holds a line break or a tab.
    ///
    /// libpq continues a message on a new line (`\n\tIs the server running…`) and joins the
    /// messages of several attempts with line breaks.
    static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingPrefix(while: \.isWhitespace) }
            .map { $0.replacing("\t", with: " ") }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }

    /// Under `sslmode=prefer` libpq retries without SSL after an SSL failure; when pg_hba.conf
    /// refuses that too, the first attempt explains the failure and the retry is noted.
    private static func withRetryNote(
        _ message: Message,
        _ failure: ConnectionFailure,
        _ cause: FailureCause,
        _ preset: Preset
    ) -> Message {
        guard cause != .encryptionRequired, failure.message.contains(", no encryption") else {
            return message
        }
        let note =
            "libpq's retry without SSL was refused too (pg_hba.conf requires SSL); "
            + "'cerebro-conn edit \(preset.name) --ssl' skips that retry"
        return Message(message.text, hint: message.hint.map { "\($0); \(note)" } ?? note)
    }

    /// A message and its fix on one line, as `test` reports each failure.
    static func oneLine(_ name: String, _ message: Message) -> String {
        "\(name): \(message.text)" + (message.hint.map { "; \($0)" } ?? "")
    }

    /// A duration as milliseconds with one decimal.
    static func milliseconds(_ duration: Duration) -> String {
        "\((millisecondsValue(duration) * 10).rounded() / 10) ms"
    }

    /// A duration as milliseconds, to the microsecond.
    static func millisecondsValue(_ duration: Duration) -> Double {
        let seconds = Double(duration.components.seconds)
        let value = seconds * 1000 + Double(duration.components.attoseconds) / 1e15
        return (value * 1000).rounded() / 1000
    }
}
