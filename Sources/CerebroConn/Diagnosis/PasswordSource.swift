/// Where libpq takes a password from, since a preset never holds one.
///
/// libpq uses `PGPASSWORD` when it is set and not empty, and reads a password file only
/// otherwise: `PGPASSFILE`'s, else `~/.pgpass`. The start-up of the tool keeps both variables
/// (every other `PG*` one is removed), so the environment it was given says which applies.
public enum PasswordSource: Sendable, Equatable {
    /// The `PGPASSWORD` variable.
    case passwordVariable

    /// The file `PGPASSFILE` names.
    case passwordFileVariable(path: String)

    /// libpq's default file, `~/.pgpass`.
    case defaultPasswordFile

    /// The source libpq uses in `environment`.
    public init(environment: Environment) {
        if environment["PGPASSWORD"] != nil {
            self = .passwordVariable
        } else if let path = environment["PGPASSFILE"] {
            self = .passwordFileVariable(path: path)
        } else {
            self = .defaultPasswordFile
        }
    }
}
