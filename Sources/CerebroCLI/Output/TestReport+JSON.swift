import CerebroConn

// The JSON of one `test` result. Every key is documented in README.md, `test --json`.

extension TestReport {
    /// The JSON object for one result.
    static func object(_ result: CheckResult) -> TestObject {
        var object = TestObject(
            name: result.name,
            status: verdict(result),
            exitCode: status(result).rawValue
        )
        object.sslmode = result.plan?.sslMode.rawValue
        object.findings = result.findings.map(CertificatePresentation.FindingObject.init)

        switch result.outcome {
        case .accepted(let report):
            object.addFacts(report, plan: result.plan)
        case .failed(let failure):
            let explanation = explain(failure, result)
            object.error = failure.message
            object.cause = explanation.text
            object.fix = explanation.hint
            object.serverCertificate = result.peekedServerCertificate.map {
                CertificatePresentation.CertificateObject($0, isServer: true)
            }
        case .notAttempted(let problem):
            let messages = problem.messages
            object.error = messages.map(\.text).joined(separator: "\n")
            object.cause = messages.first?.text
            object.fix = messages.first?.hint
        case .prepared:
            break
        }
        return object
    }

    /// The JSON shape of one `test` result.
    struct TestObject: Encodable {
        var name: String
        var status: String
        var exitCode: Int32
        var sslmode: String?
        var host: String?
        var address: String?
        var port: Int?
        var tlsProtocol: String?
        var cipher: String?
        var keyBits: Int?
        var serverVersion: String?
        var connectMs: Double?
        var queryMs: Double?
        var serverCertificate: CertificatePresentation.CertificateObject?
        var verified: Bool?
        var verifiedAgainst: String?
        var hostNameChecked: Bool?
        var verifyResult: String?
        var clientCertificate: CertificatePresentation.CertificateObject?
        var serverNotices: [String]?
        var findings: [CertificatePresentation.FindingObject] = []
        var error: String?
        var cause: String?
        var fix: String?

        init(name: String, status: String, exitCode: Int32) {
            self.name = name
            self.status = status
            self.exitCode = exitCode
        }

        mutating func addFacts(_ report: ConnectionReport, plan: ConnectionPlan?) {
            host = report.host
            address = report.hostAddress
            // libpq gives the port as text; `list --json` and `show --json` give a number.
            port = Int(report.port)
            tlsProtocol = report.tlsProtocol
            cipher = report.cipher
            keyBits = report.keyBits
            serverVersion = report.serverVersion
            connectMs = millisecondsValue(report.connectTime)
            queryMs = millisecondsValue(report.queryTime)
            serverCertificate = report.serverCertificate.map {
                CertificatePresentation.CertificateObject($0, isServer: true)
            }
            verified = report.verification.isVerified
            verifiedAgainst = report.verification.authority
            hostNameChecked = report.verification.isHostNameChecked
            verifyResult = report.verification.openSSLResult
            clientCertificate = report.clientCertificate.map {
                CertificatePresentation.CertificateObject(
                    $0,
                    path: plan?.certificateSet?.clientCertificate
                )
            }
            serverNotices = report.serverNotices
        }

        enum CodingKeys: String, CodingKey {
            case name, status, sslmode, host, address, port, cipher, verified, findings
            case error, cause, fix
            case exitCode = "exit_code"
            case tlsProtocol = "tls_protocol"
            case keyBits = "key_bits"
            case serverVersion = "server_version"
            case connectMs = "connect_ms"
            case queryMs = "query_ms"
            case serverCertificate = "server_certificate"
            case verifiedAgainst = "verified_against"
            case hostNameChecked = "host_name_checked"
            case verifyResult = "verify_result"
            case clientCertificate = "client_certificate"
            case serverNotices = "server_notices"
        }
    }
}
