#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keyword/value arrays for `PQconnectStartParams`, alive only for the length of one call.
enum LibpqParameters {
    /// Calls `body` with NULL-terminated keyword and value arrays built from `parameters`.
    ///
    /// The C strings are copied into buffers freed when `body` returns, so no pointer outlives
    /// the call that needs it.
    static func withArrays<Result>(
        _ parameters: [ConnectionParameter],
        _ body: (UnsafePointer<UnsafePointer<CChar>?>, UnsafePointer<UnsafePointer<CChar>?>) ->
            Result
    ) -> Result {
        let keywords = parameters.map { strdup($0.keyword) }
        let values = parameters.map { strdup($0.value) }
        defer {
            keywords.forEach { free($0) }
            // Values may hold a passphrase: clear them before freeing.
            for value in values {
                if let value {
                    memset(value, 0, strlen(value))
                }
                free(value)
            }
        }

        let keywordArray = keywords.map { UnsafePointer($0) } + [nil]
        let valueArray = values.map { UnsafePointer($0) } + [nil]
        return keywordArray.withUnsafeBufferPointer { keywordBuffer in
            valueArray.withUnsafeBufferPointer { valueBuffer in
                // Both arrays end in nil, so they are never empty and their buffers have a base
                // address; checked all the same, since a nil here would be handed to C.
                guard let keywordStart = keywordBuffer.baseAddress,
                    let valueStart = valueBuffer.baseAddress
                else {
                    preconditionFailure("a NULL-terminated parameter array has no storage")
                }
                return body(keywordStart, valueStart)
            }
        }
    }
}
