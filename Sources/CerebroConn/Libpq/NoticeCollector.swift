/// The notices and warnings libpq hands to one connection's notice processor, kept instead
/// of printed.
final class NoticeCollector {
    /// At most this many are kept; a server at `client_min_messages=debug5` sends dozens for
    /// one `SELECT 1`, and the first ones are those a report needs.
    static let limit = 100

    /// The texts, as libpq formats them (`WARNING:  ...`, with any `DETAIL:` lines), without
    /// the final newline.
    private(set) var notices: [String] = []

    /// Keeps `text`, unless `limit` texts are kept already.
    func append(_ text: String) {
        guard notices.count < Self.limit else {
            return
        }
        var text = text
        while text.hasSuffix("\n") {
            text.removeLast()
        }
        notices.append(text)
    }
}
