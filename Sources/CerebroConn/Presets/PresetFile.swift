#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The on-disk form of a preset: one JSON object with a format version.
///
/// Version 1 fields: `format_version`, `name`, `host`, `port`, `database`, `user`,
/// `ssl_required`, `verify`, `cert_dir` (optional) and `connect_timeout`. Any other field is
/// kept and written back with the same value; a number's spelling may change, never its value
/// (see ``JSONNumber``). A field that holds a secret (``Preset/secretFieldNames``) is the
/// exception: it is named in ``Preset/secretFields``, and neither kept nor written back.
enum PresetFile {
    /// The format version this build writes and the newest it reads.
    static let formatVersion = 1

    private enum Key: String, CaseIterable {
        case formatVersion = "format_version"
        case name, host, port, database, user
        case sslRequired = "ssl_required"
        case verify
        case certificateFolder = "cert_dir"
        case connectTimeout = "connect_timeout"
    }

    /// Decodes a preset file, reporting where the text stops being JSON.
    static func decode(_ data: Data, path: String) throws(PresetError) -> Preset {
        let fields = try parseObject(data, path: path)
        let version = try integer(fields, .formatVersion, path: path)
        if version > formatVersion {
            throw .newerFormat(path: path, version: version)
        }
        let isSecret = { (key: String) in Preset.secretFieldNames.contains(key.lowercased()) }
        var preset = Preset(
            name: try string(fields, .name, path: path),
            host: try string(fields, .host, path: path),
            port: try integer(fields, .port, path: path),
            database: try string(fields, .database, path: path),
            user: try string(fields, .user, path: path),
            sslRequired: try boolean(fields, .sslRequired, path: path),
            verification: try level(fields, path: path),
            certificateFolder: try optionalString(fields, .certificateFolder, path: path),
            connectTimeout: try integer(fields, .connectTimeout, path: path),
            unknownFields: fields.filter { Key(rawValue: $0.key) == nil && !isSecret($0.key) }
        )
        preset.secretFields = fields.keys.filter(isSecret).sorted()

        do {
            try PresetValidation.validate(preset)
        } catch {
            throw .damaged(path: path, position: nil, reason: describe(error))
        }
        return preset
    }

    /// Encodes a preset with sorted keys and a final newline, keeping unknown fields.
    static func encode(_ preset: Preset) throws(PresetError) -> Data {
        var fields = preset.unknownFields
        fields[Key.formatVersion.rawValue] = .number(JSONNumber(formatVersion))
        fields[Key.name.rawValue] = .string(preset.name)
        fields[Key.host.rawValue] = .string(preset.host)
        fields[Key.port.rawValue] = .number(JSONNumber(preset.port))
        fields[Key.database.rawValue] = .string(preset.database)
        fields[Key.user.rawValue] = .string(preset.user)
        fields[Key.sslRequired.rawValue] = .bool(preset.sslRequired)
        fields[Key.verify.rawValue] = .string(preset.verification.rawValue)
        fields[Key.certificateFolder.rawValue] = preset.certificateFolder.map { .string($0) }
        fields[Key.connectTimeout.rawValue] = .number(JSONNumber(preset.connectTimeout))

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(fields) + Data("\n".utf8)
        } catch {
            throw .encodingFailed(name: preset.name, reason: "\(error)")
        }
    }

    // MARK: - Reading fields

    private static func parseObject(
        _ data: Data,
        path: String
    ) throws(PresetError) -> [String: JSONValue] {
        let decoder = JSONDecoder()
        // A preset file is an object: decoding one directly spares trying the other kinds of
        // value first. Only when that fails is the text decoded again, to tell damaged JSON
        // from JSON that is not an object.
        if let fields = try? decoder.decode([String: JSONValue].self, from: data) {
            return fields
        }
        guard (try? decoder.decode(JSONValue.self, from: data)) != nil else {
            let located = JSONErrorPosition.locate(in: data)
            throw .damaged(
                path: path,
                position: located?.position,
                reason: "not valid JSON" + (located.map { " (\($0.problem))" } ?? "")
            )
        }
        throw .damaged(path: path, position: nil, reason: "not a JSON object")
    }

    private static func value(
        _ fields: [String: JSONValue],
        _ key: Key,
        path: String
    ) throws(PresetError) -> JSONValue {
        guard let value = fields[key.rawValue] else {
            throw .damaged(path: path, position: nil, reason: "field '\(key.rawValue)' is missing")
        }
        return value
    }

    private static func string(
        _ fields: [String: JSONValue],
        _ key: Key,
        path: String
    ) throws(PresetError) -> String {
        guard case .string(let text) = try value(fields, key, path: path) else {
            throw wrongType(key, "a string", path: path)
        }
        return text
    }

    private static func optionalString(
        _ fields: [String: JSONValue],
        _ key: Key,
        path: String
    ) throws(PresetError) -> String? {
        switch fields[key.rawValue] {
        case nil, .null: return nil
        case .string(let text): return text
        default: throw wrongType(key, "a string", path: path)
        }
    }

    private static func integer(
        _ fields: [String: JSONValue],
        _ key: Key,
        path: String
    ) throws(PresetError) -> Int {
        guard case .number(let number) = try value(fields, key, path: path),
            let whole = number.integerValue
        else {
            throw wrongType(key, "a whole number", path: path)
        }
        return whole
    }

    private static func boolean(
        _ fields: [String: JSONValue],
        _ key: Key,
        path: String
    ) throws(PresetError) -> Bool {
        guard case .bool(let flag) = try value(fields, key, path: path) else {
            throw wrongType(key, "true or false", path: path)
        }
        return flag
    }

    private static func level(
        _ fields: [String: JSONValue],
        path: String
    ) throws(PresetError) -> VerificationLevel {
        let text = try string(fields, .verify, path: path)
        guard let level = VerificationLevel(rawValue: text) else {
            throw wrongType(.verify, "one of full, ca, none", path: path)
        }
        return level
    }

    private static func wrongType(_ key: Key, _ expected: String, path: String) -> PresetError {
        .damaged(path: path, position: nil, reason: "field '\(key.rawValue)' must be \(expected)")
    }

    private static func describe(_ error: PresetError) -> String {
        if case .invalidValue(let value, let problem) = error {
            return "'\(value)': \(problem)"
        }
        return "\(error)"
    }
}
