import CerebroConn

/// The closing line of `test` with several presets, such as
/// `3 presets in 2.1 s: 2 accepted, 1 no response`.
enum TestSummary {
    /// The verdicts in the order the summary lists them, best first.
    static let verdictOrder = ["accepted", "rejected", "no response", "not attempted"]

    /// The summary of `results`, which took `elapsed`.
    static func line(_ results: [CheckResult], elapsed: Duration) -> String {
        let verdicts = results.map(TestReport.verdict)
        let counts = verdictOrder.compactMap { verdict -> String? in
            let count = verdicts.filter { $0 == verdict }.count
            return count == 0 ? nil : "\(count) \(verdict)"
        }
        let noun = results.count == 1 ? "preset" : "presets"
        return "\(results.count) \(noun) in \(seconds(elapsed)): \(counts.joined(separator: ", "))"
    }

    /// A duration as seconds with one decimal, such as `2.1 s`.
    static func seconds(_ duration: Duration) -> String {
        let tenths =
            duration.components.seconds * 10
            + (duration.components.attoseconds + 50_000_000_000_000_000) / 100_000_000_000_000_000
        return "\(tenths / 10).\(tenths % 10) s"
    }
}
