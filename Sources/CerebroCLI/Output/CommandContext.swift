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
        var store = PresetStore(configurationDirectory: configurationDirectory)
        let diagnostics = diagnostics
        store.onLockWait = { lock in
            diagnostics.note(
                "waiting for \(lock): another cerebro-conn is changing presets"
            )
        }
        return store
    }

    /// Cerebro's certificate lookup for this environment.
    public var lookup: CertificateLookup {
        CertificateLookup(environment: environment)
    }
}

extension CommandContext {
    /// Warns when the preset's file holds a secret field, naming the file and the fix;
    /// `removed` once the file has been rewritten without it.
    func warnAboutSecretFields(of preset: Preset, removed: Bool = false) {
        guard !preset.secretFields.isEmpty else {
            return
        }
        let path = store.path(for: preset.name)
        diagnostics.warning(
            ErrorMessages.secretFields(preset.secretFields, path: path, removed: removed)
        )
    }
}
