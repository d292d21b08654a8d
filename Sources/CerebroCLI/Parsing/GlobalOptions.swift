/// When to colour output.
public enum ColorMode: String, Sendable, CaseIterable {
    /// Colour when writing to a terminal and `NO_COLOR` is unset or empty.
    case auto
    /// Always colour.
    case always
    /// Never colour.
    case never
}

/// Options every command accepts, wherever they stand on the command line.
public struct GlobalOptions: Sendable, Equatable {
    /// `--config DIR`: the configuration folder.
    public var configurationDirectory: String?
    /// `--color WHEN`.
    public var color: ColorMode = .auto
    /// `-v` count minus `-q` count: below zero is quiet, above zero verbose.
    public var verbosity = 0

    /// The option specs, for parsing, help, completion and the man page.
    public static let specs: [OptionSpec] = [
        .value(
            "config",
            .directory,
            placeholder: "DIR",
            help: "use DIR as the configuration folder (default: $CEREBRO_CONN_HOME, "
                + "else $XDG_CONFIG_HOME/cerebro-conn, else ~/.config/cerebro-conn)"
        ),
        .value(
            "color",
            .choice(ColorMode.allCases.map(\.rawValue)),
            placeholder: "WHEN",
            help: "colour output: auto (on a terminal, unless NO_COLOR is set), always or never"
        ),
        .flag("quiet", short: "q", help: "print only results and errors"),
        .flag("verbose", short: "v", help: "explain more, including libpq's own messages"),
        .flag("help", short: "h", help: "show help for the tool or a command"),
        .flag("version", help: "print the version"),
    ]

    /// Applies one parsed global option.
    mutating func apply(_ long: String, value: String?) {
        switch long {
        case "config": configurationDirectory = value
        case "color": color = value.flatMap(ColorMode.init(rawValue:)) ?? .auto
        case "quiet": verbosity -= 1
        case "verbose": verbosity += 1
        default: break
        }
    }
}
