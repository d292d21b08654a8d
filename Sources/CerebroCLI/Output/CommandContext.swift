import CerebroConn

/// Everything a command may use: the terminal, the environment, the store and diagnostics.
public struct CommandContext: Sendable {
    /// Where output goes and input comes from.
    public var terminal: Terminal
    /// The environment, passed in so tests never read the machine's.
    public var environment: Environment
    /// The global options.
    public var globals: GlobalOptions
    /// Error, warning and result writer.
    public var diagnostics: Diagnostics

    /// A context for one run.
    public init(terminal: Terminal, environment: Environment, globals: GlobalOptions) {
        self.terminal = terminal
        self.environment = environment
        self.globals = globals
        self.diagnostics = Diagnostics(
            terminal: terminal,
            globals: globals,
            environment: environment
        )
    }

    /// The configuration folder in force.
    public var configurationDirectory: String {
        environment.configurationDirectory(override: globals.configurationDirectory)
    }

    /// The preset store in the configuration folder.
    public var store: PresetStore {
        PresetStore(configurationDirectory: configurationDirectory)
    }

    /// Cerebro's certificate lookup for this environment.
    public var lookup: CertificateLookup {
        CertificateLookup(environment: environment)
    }
}
