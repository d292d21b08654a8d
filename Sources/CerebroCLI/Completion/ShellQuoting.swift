/// Quoting of generated text for each shell's source code.
enum ShellQuoting {
    /// `text` as one single-quoted bash or zsh word: `'it'\''s'`.
    static func posixSingleQuoted(_ text: String) -> String {
        "'" + text.replacingEvery("'", with: #"'\''"#) + "'"
    }

    /// `text` as one single-quoted fish word, where `\` and `'` are escaped: `'it\'s'`.
    static func fishSingleQuoted(_ text: String) -> String {
        let escaped = text.replacingEvery(#"\"#, with: #"\\"#).replacingEvery("'", with: #"\'"#)
        return "'" + escaped + "'"
    }

    /// `text` with each character of `characters` preceded by a backslash.
    static func backslashed(_ text: String, _ characters: Set<Character>) -> String {
        String(text.flatMap { characters.contains($0) ? [#"\"#, $0] : [$0] })
    }
}

extension String {
    /// The string with every `target` replaced, without Foundation.
    func replacingEvery(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else {
            return self
        }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
