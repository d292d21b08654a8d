/// The one-line progress of `test` on standard error, redrawn in place.
///
/// It is shown only when standard error is a terminal that can redraw a line (`TERM` is not
/// `dumb`) and `-q` is not given, so logs, pipes and CI output never receive carriage returns. Results on standard output are written between
/// `clear()` and `redraw()`, so the two never share a line when both go to one terminal.
final class TestProgress {
    private let terminal: Terminal
    private let names: [String]
    private let isShown: Bool
    private var isFinished: [Bool]
    private var finishedCount = 0
    private var isOnScreen = false

    /// The longest preset name shown; longer ones are cut so that the line never wraps.
    static let nameLimit = 32

    /// Progress over `names`, shown only if `isShown`.
    init(names: [String], terminal: Terminal, isShown: Bool) {
        self.terminal = terminal
        self.names = names
        self.isShown = isShown
        self.isFinished = Array(repeating: false, count: names.count)
    }

    /// Records that the preset at `index` has finished, and redraws.
    func finish(_ index: Int) {
        if !isFinished[index] {
            isFinished[index] = true
            finishedCount += 1
        }
        redraw()
    }

    /// Draws the line again with the current counts.
    func redraw() {
        guard isShown, finishedCount < names.count else {
            clear()
            return
        }
        terminal.writeErr(.eraseLine + line())
        isOnScreen = true
    }

    /// Removes the line, if it is shown, so that other output starts at the left margin.
    func clear() {
        if isOnScreen {
            terminal.writeErr(.eraseLine)
            isOnScreen = false
        }
    }

    /// The text of the line: how many are done and the first preset still awaited.
    func line() -> String {
        let noun = names.count == 1 ? "preset" : "presets"
        var text = "testing \(names.count) \(noun): \(finishedCount) done"
        if let waiting = isFinished.firstIndex(of: false) {
            text += ", waiting for '\(Self.shortened(names[waiting]))'"
        }
        return text
    }

    private static func shortened(_ name: String) -> String {
        name.count <= nameLimit ? name : name.prefix(nameLimit - 1) + "…"
    }
}
