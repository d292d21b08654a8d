import CerebroConn

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// JSON shapes of what commands print with `--json`; field names are part of the interface.
enum JSONOutput {
    /// A preset as `list --json` and `show --json` print it.
    struct PresetObject: Encodable {
        var name: String
        var host: String
        var port: Int
        var database: String
        var user: String
        var sslRequired: Bool
        var verify: String
        var certDir: String?
        var connectTimeout: Int

        init(_ preset: Preset) {
            name = preset.name
            host = preset.host
            port = preset.port
            database = preset.database
            user = preset.user
            sslRequired = preset.sslRequired
            verify = preset.verification.rawValue
            certDir = preset.certificateFolder
            connectTimeout = preset.connectTimeout
        }

        enum CodingKeys: String, CodingKey {
            case name, host, port, database, user, verify
            case sslRequired = "ssl_required"
            case certDir = "cert_dir"
            case connectTimeout = "connect_timeout"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(host, forKey: .host)
            try container.encode(port, forKey: .port)
            try container.encode(database, forKey: .database)
            try container.encode(user, forKey: .user)
            try container.encode(sslRequired, forKey: .sslRequired)
            try container.encode(verify, forKey: .verify)
            // An absent folder is written as null so that every object has the same keys.
            try container.encode(certDir, forKey: .certDir)
            try container.encode(connectTimeout, forKey: .connectTimeout)
        }
    }

    /// One folder of the lookup trail.
    struct StepObject: Encodable {
        var folder: String
        var role: String
        var files: [String]
        var verdict: String
        var error: String?
    }

    /// The resolved set.
    struct SetObject: Encodable {
        var folder: String
        var role: String
        var clientCertificate: String?
        var clientKey: String?
        var ca: String?

        enum CodingKeys: String, CodingKey {
            case folder, role, ca
            case clientCertificate = "client_certificate"
            case clientKey = "client_key"
        }
    }

    /// Encodes `value` as sorted, indented JSON text with a final newline.
    static func render<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else {
            return "null\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
