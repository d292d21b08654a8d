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
        case .notAttempted: .notAttempted
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

    /// Writes the verdict and facts to stdout, and any failure with its fix to stderr.
    static func print(_ result: CheckResult, _ context: CommandContext) {
        let color: Color = switch status(result) {
        case .success: .green
        case .noResponse: .yellow
        default: .red
        }
        context.diagnostics.result("\(result.name): \(context.diagnostics.paintResult(verdict(result), color))")

        switch result.outcome {
        case .accepted(let report):
            let rows = facts(report, plan: result.plan)
            context.terminal.writeOut(PresetPresentation.aligned(rows).joined(separator: "\n") + "\n")
        case .failed(let failure):
            let explanation = explain(failure, result)
            context.diagnostics.error(Message(oneLine(result.name, explanation)))
            context.diagnostics.detail("  libpq: " + failure.message.replacingOccurrences(of: "\n", with: "\n  "))
        case .notAttempted(let problem):
            let message = ErrorMessages.message(for: problem.underlying)
            context.diagnostics.error(Message(oneLine(result.name, message)))
        }
    }

    /// The cause and fix of a failed connection.
    static func explain(_ failure: ConnectionFailure, _ result: CheckResult) -> Message {
        let cause = FailureCause.recognise(failure)
        guard let preset = result.preset, cause != .unrecognised else {
            return Message(failure.message, hint: "run with -v for more, or see the server's log")
        }
        return FailureMessages.explain(cause, FailureContext(preset: preset, plan: result.plan))
    }

    /// A message and its fix on one line, as `test` reports each failure.
    static func oneLine(_ name: String, _ message: Message) -> String {
        "\(name): \(message.text)" + (message.hint.map { "; \($0)" } ?? "")
    }

    /// The facts of an accepted connection as label/value rows.
    static func facts(_ report: ConnectionReport, plan: ConnectionPlan?) -> [(String, String)] {
        let address = report.hostAddress.map { " (\($0))" } ?? ""
        var rows = [("server", "\(report.host)\(address), port \(report.port)")]
        rows.append(("version", report.serverVersion.map { "PostgreSQL \($0)" } ?? "unknown"))
        if report.usesSSL {
            let bits = report.keyBits.map { ", \($0)-bit key" } ?? ""
            rows.append(("tls", "\(report.tlsProtocol ?? "?"), \(report.cipher ?? "?")\(bits)"))
        } else {
            rows.append(("tls", "none: the connection is not encrypted"))
        }
        if let plan {
            rows.append(("verified", PresetPresentation.verification(plan).replacing(" will be ", with: " was ")))
            rows.append(("client", plan.certificateSet?.clientCertificate.map { "\($0) presented" } ?? "no certificate presented"))
        }
        rows.append(("time", "connect \(milliseconds(report.connectTime)), first query \(milliseconds(report.queryTime))"))
        return rows
    }

    /// A duration as milliseconds with one decimal.
    static func milliseconds(_ duration: Duration) -> String {
        "\((millisecondsValue(duration) * 10).rounded() / 10) ms"
    }

    /// The JSON object for one result.
    static func object(_ result: CheckResult) -> TestObject {
        var object = TestObject(name: result.name, status: verdict(result), exitCode: status(result).rawValue)
        object.sslmode = result.plan?.sslMode.rawValue
        switch result.outcome {
        case .accepted(let report):
            object.host = report.host
            object.address = report.hostAddress
            object.port = report.port
            object.tlsProtocol = report.tlsProtocol
            object.cipher = report.cipher
            object.keyBits = report.keyBits
            object.serverVersion = report.serverVersion
            object.connectMs = millisecondsValue(report.connectTime)
            object.queryMs = millisecondsValue(report.queryTime)
            object.clientCertificate = result.plan?.certificateSet?.clientCertificate
            object.verifiedAgainst = result.plan?.verifiedAgainst
            object.hostNameChecked = result.plan?.checksHostName
        case .failed(let failure):
            let explanation = explain(failure, result)
            object.error = failure.message
            object.cause = explanation.text
            object.fix = explanation.hint
        case .notAttempted(let problem):
            let message = ErrorMessages.message(for: problem.underlying)
            object.error = message.text
            object.cause = message.text
            object.fix = message.hint
        }
        return object
    }

    private static func millisecondsValue(_ duration: Duration) -> Double {
        let value = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return (value * 1000).rounded() / 1000
    }

    /// The JSON shape of one `test` result; keys are documented in the README.
    struct TestObject: Encodable {
        var name: String
        var status: String
        var exitCode: Int32
        var sslmode: String?
        var host: String?
        var address: String?
        var port: String?
        var tlsProtocol: String?
        var cipher: String?
        var keyBits: Int?
        var serverVersion: String?
        var connectMs: Double?
        var queryMs: Double?
        var clientCertificate: String?
        var verifiedAgainst: String?
        var hostNameChecked: Bool?
        var error: String?
        var cause: String?
        var fix: String?

        init(name: String, status: String, exitCode: Int32) {
            self.name = name
            self.status = status
            self.exitCode = exitCode
        }

        enum CodingKeys: String, CodingKey {
            case name, status, sslmode, host, address, port, cipher, error, cause, fix
            case exitCode = "exit_code"
            case tlsProtocol = "tls_protocol"
            case keyBits = "key_bits"
            case serverVersion = "server_version"
            case connectMs = "connect_ms"
            case queryMs = "query_ms"
            case clientCertificate = "client_certificate"
            case verifiedAgainst = "verified_against"
            case hostNameChecked = "host_name_checked"
        }
    }
}
