internal import CLibPQ

/// Process-wide libpq settings, made once before the first connection.
enum LibpqHooks {
    /// Installs the key-passphrase hook; later calls do nothing.
    static func installOnce() {
        _ = installed
    }

    // A static let is initialised exactly once, even with many threads connecting.
    private static let installed: Bool = {
        PQsetSSLKeyPassHook_OpenSSL(keyPassphrase)
        return true
    }()

    /// Hands OpenSSL the `sslpassword` of the connection if it has one, and otherwise an empty
    /// answer, so that OpenSSL never prompts on the terminal by itself.
    private static let keyPassphrase: PQsslKeyPassHook_OpenSSL_type = { buffer, size, connection in
        guard hasPassphrase(connection) else {
            return 0
        }
        return PQdefaultSSLKeyPassHook_OpenSSL(buffer, size, connection)
    }

    private static func hasPassphrase(_ connection: OpaquePointer?) -> Bool {
        guard let options = PQconninfo(connection) else {
            return false
        }
        defer { PQconninfoFree(options) }

        var option = options
        while let keyword = option.pointee.keyword {
            if String(cString: keyword) == "sslpassword" {
                return option.pointee.val.map { $0.pointee != 0 } ?? false
            }
            option += 1
        }
        return false
    }

    /// The keywords this libpq understands, from `PQconndefaults`.
    static let supportedKeywords: Set<String> = {
        guard let options = PQconndefaults() else {
            return []
        }
        defer { PQconninfoFree(options) }

        var keywords: Set<String> = []
        var option = options
        while let keyword = option.pointee.keyword {
            keywords.insert(String(cString: keyword))
            option += 1
        }
        return keywords
    }()
}
