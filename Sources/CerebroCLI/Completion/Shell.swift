/// A shell that `cerebro-conn completion` writes a script for.
public enum Shell: String, Sendable, CaseIterable {
    /// GNU bash 4.4 or newer.
    case bash
    /// The Z shell, through its completion system (`compinit`).
    case zsh
    /// The friendly interactive shell, 3.4 or newer.
    case fish

    /// The script's file name, both in `completions/` and where the shell looks for it.
    public var scriptFileName: String {
        switch self {
        case .bash: "\(CerebroTool.name).bash"
        case .zsh: "_\(CerebroTool.name)"
        case .fish: "\(CerebroTool.name).fish"
        }
    }

    /// The completion script for the tool's command table.
    public func completionScript() -> String {
        completionScript(for: .tool)
    }

    /// The completion script for `model`.
    func completionScript(for model: CompletionModel) -> String {
        switch self {
        case .bash: BashCompletion(model: model).script
        case .zsh: ZshCompletion(model: model).script
        case .fish: FishCompletion(model: model).script
        }
    }
}
