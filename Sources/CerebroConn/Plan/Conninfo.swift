extension ConnectionPlan {
    /// The plan as a libpq keyword/value string, for people to read or paste into `psql`.
    ///
    /// It is never handed to libpq by this tool (connections use keyword arrays); values are
    /// quoted by libpq's rules so that the text means exactly what the plan does.
    public var conninfo: String {
        parameters.map { "\($0.keyword)=\(Self.quote($0.value))" }.joined(separator: " ")
    }

    /// Quotes a value for a conninfo string: single quotes around anything with white space,
    /// a quote, a backslash, or nothing at all, and `\'` and `\\` inside.
    public static func quote(_ value: String) -> String {
        let needsQuotes =
            value.isEmpty || value.contains { $0.isWhitespace || $0 == "'" || $0 == "\\" }
        guard needsQuotes else {
            return value
        }
        let escaped = value.replacing("\\", with: "\\\\").replacing("'", with: "\\'")
        return "'\(escaped)'"
    }
}
