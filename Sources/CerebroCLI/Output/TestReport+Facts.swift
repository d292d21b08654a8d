import CerebroConn

// The facts of an accepted connection as label/value rows. Labels stay within eight letters,
// so the rows line up the same way for every preset.

extension TestReport {
    /// The facts of an accepted connection: address, version, TLS, the server's certificate,
    /// who verified what, the client certificate presented, and the times.
    static func facts(_ report: ConnectionReport, plan: ConnectionPlan?) -> [(String, String)] {
        let address = report.hostAddress.map { " (\($0))" } ?? ""
        var rows = [("server", "\(report.host)\(address), port \(report.port)")]
        rows.append(("version", report.serverVersion.map { "PostgreSQL \($0)" } ?? "unknown"))
        rows.append(("tls", tls(report)))

        if let server = report.serverCertificate {
            rows.append(("subject", "\(server.subject) (the server's certificate)"))
            rows.append(("issuer", server.issuer))
            rows.append(("valid", CertificatePresentation.window(server)))
            rows.append(("names", CertificatePresentation.hostNames(server)))
        }
        rows.append(("verified", verification(report, plan: plan)))
        rows.append(("client", client(report, plan: plan)))

        let connect = milliseconds(report.connectTime)
        rows.append(("time", "connect \(connect), first query \(milliseconds(report.queryTime))"))
        return rows
    }

    private static func tls(_ report: ConnectionReport) -> String {
        guard report.usesSSL else {
            return "none: the connection is not encrypted"
        }
        let bits = report.keyBits.map { ", \($0)-bit key" } ?? ""
        return "\(report.tlsProtocol ?? "?"), \(report.cipher ?? "?")\(bits)"
    }

    /// Who verified what, in one sentence.
    static func verification(_ report: ConnectionReport, plan: ConnectionPlan?) -> String {
        let verification = report.verification
        guard report.usesSSL else {
            return "no: the connection is not encrypted, so nothing was verified"
        }
        guard verification.isVerified, let authority = verification.authority else {
            let level = plan?.sslMode == .prefer ? "SSL not required" : "level none"
            let openSSL = verification.openSSLResult.map { "; OpenSSL: \($0)" } ?? ""
            return "no: encrypted, but the server certificate was not verified (\(level)\(openSSL))"
        }
        guard verification.isHostNameChecked else {
            return "server certificate was verified against \(authority); "
                + "the host name was not checked (level ca)"
        }
        return "server certificate was verified against \(authority) "
            + "and its names checked against host '\(report.host)'"
    }

    private static func client(_ report: ConnectionReport, plan: ConnectionPlan?) -> String {
        guard let path = plan?.certificateSet?.clientCertificate else {
            return "no certificate presented"
        }
        guard report.usesSSL, let presented = report.clientCertificate else {
            return "\(path) not sent: the connection is not encrypted"
        }
        return "\(path) presented (\(CertificatePresentation.oneLine(presented)))"
    }
}
