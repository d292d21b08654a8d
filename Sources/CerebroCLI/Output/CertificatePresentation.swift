import CerebroConn

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// Words and JSON for decoded certificates, shared by `test` and `certs`.
enum CertificatePresentation {
    /// A date as `2026-12-03 18:57:00 UTC`.
    static func utc(_ date: Date) -> String {
        UTCText.format(date) + " UTC"
    }

    /// A date as ISO 8601 in UTC: `2026-12-03T18:57:00Z`.
    static func iso(_ date: Date) -> String {
        UTCText.iso8601(date)
    }

    /// The validity window in words.
    static func window(_ summary: CertificateSummary) -> String {
        "\(utc(summary.notBefore)) to \(utc(summary.notAfter))"
    }

    /// The names a host is matched against, or a note that there are none.
    static func hostNames(_ summary: CertificateSummary) -> String {
        summary.hostNames.isEmpty ? "(none)" : summary.hostNames.joined(separator: ", ")
    }

    /// Every subject alternative name with its kind: `DNS:localhost, IP:127.0.0.1`.
    static func alternativeNames(_ summary: CertificateSummary) -> String {
        let names = summary.subjectAlternativeNames.map { name -> String in
            switch name {
            case .dns(let value): "DNS:\(value)"
            case .ipAddress(let value): "IP:\(value)"
            case .email(let value): "email:\(value)"
            case .uri(let value): "URI:\(value)"
            case .other: "(another kind)"
            }
        }
        return names.isEmpty ? "(none)" : names.joined(separator: ", ")
    }

    /// One line naming a certificate: its subject, issuer and key.
    static func oneLine(_ summary: CertificateSummary) -> String {
        "\(summary.subject), issued by \(summary.issuer), \(summary.publicKey)"
    }

    /// The JSON object of a certificate; `path` is the file it came from, when there is one.
    struct CertificateObject: Encodable {
        var path: String?
        var subject: String
        var issuer: String
        var commonName: String?
        var serial: String
        var notBefore: String
        var notAfter: String
        var names: [String]?
        var key: String
        var uploadScope: String

        /// The object of `summary`; `names` (what a host is matched against) only for a server.
        init(_ summary: CertificateSummary, path: String? = nil, isServer: Bool = false) {
            self.path = path
            subject = summary.subject
            issuer = summary.issuer
            commonName = summary.commonName
            serial = summary.serialNumber
            notBefore = iso(summary.notBefore)
            notAfter = iso(summary.notAfter)
            names = isServer ? summary.hostNames : nil
            key = summary.publicKey.description
            uploadScope = summary.uploadScope.description
        }

        enum CodingKeys: String, CodingKey {
            case path, subject, issuer, serial, names, key
            case commonName = "common_name"
            case notBefore = "not_before"
            case notAfter = "not_after"
            case uploadScope = "upload_scope"
        }
    }

    /// The JSON object of a finding.
    struct FindingObject: Encodable {
        var severity: String
        var file: String
        var message: String
        var fix: String?

        init(_ finding: Finding) {
            severity = finding.severity.rawValue
            file = finding.path
            message = finding.description
            fix = finding.hint
        }
    }
}
