/// What the man page says about the tool as a whole, beyond the command table.
enum ToolFacts {
    /// One titled section of the man page: optional prose, then term and text items.
    struct Section {
        /// The section title, in capitals.
        var title: String
        /// Prose before the items.
        var text: String?
        /// Terms and what they mean.
        var items: [(String, String)]
    }

    /// The DESCRIPTION section's prose.
    static let description = """
        cerebro-conn keeps named connection presets for Cerebro's PostgreSQL database
        (memoria), finds each preset's client certificate set, and opens real libpq
        connections over SSL with parameters derived from the preset. It explains what it did
        and why a connection failed.
        Results go to standard output; notes, warnings and errors go to standard error.
        Preset names may hold spaces, colons, quotes and other shell characters; quote them
        on the command line, or let shell completion do it.
        """

    /// The sections after the options, in order.
    static let sections: [Section] = [
        Section(
            title: "ENVIRONMENT",
            items: [
                ("CEREBRO_CONN_HOME", "the configuration folder, unless --config is given"),
                (
                    "XDG_CONFIG_HOME",
                    "without CEREBRO_CONN_HOME, the configuration folder is "
                        + "$XDG_CONFIG_HOME/cerebro-conn, else ~/.config/cerebro-conn"
                ),
                ("HOME", "the user certificate folder is $HOME/cerebro"),
                (
                    "CEREBRO_HOME",
                    "the Cerebro install folder (default /opt/cerebro); certificates are "
                        + "looked for in its etc folder after the user folder"
                ),
                ("NO_COLOR", "when set, --color auto never colours"),
                (
                    "PGPASSWORD, PGPASSFILE",
                    "used by libpq as usual: a preset never holds a password, so these and "
                        + "~/.pgpass are how one is given"
                ),
                (
                    "every other PG* variable",
                    "ignored (PGHOST, PGHOSTADDR, PGSERVICE, PGSSLMODE, PGOPTIONS, ...): "
                        + "connections give libpq's keywords explicitly, and the tool removes "
                        + "these variables from its environment as it starts; show lists the "
                        + "ones that are set"
                ),
            ]
        ),
        Section(
            title: "FILES",
            items: [
                (
                    "CONFIG/presets/NAME.json",
                    "one preset per file, mode 0600 in a 0700 folder; CONFIG is the "
                        + "configuration folder"
                ),
                (
                    "CONFIG/presets/.lock",
                    "held by edit, rename and remove from reading a preset to writing it, so "
                        + "that changes from several processes at once are never lost"
                ),
                (
                    "~/cerebro, $CEREBRO_HOME/etc",
                    "certificate folders, tried in this order unless a preset names its own: "
                        + "client.crt and client.key (or client.pg.crt and client.pg.key), "
                        + "and ca.crt"
                ),
            ]
        ),
        Section(
            title: "EXIT STATUS",
            items: [
                ("0", "success; for test, every server accepted the connection"),
                ("1", "failure; for test, a server was reached and refused"),
                ("2", "test only: no response"),
                ("3", "test only: not attempted (bad preset, missing or invalid files)"),
                ("64", "usage error: the command line does not fit (EX_USAGE)"),
            ]
        ),
        Section(
            title: "EXAMPLES",
            text: """
                  cerebro-conn add studio --host db.example.com --ssl --verify full
                  cerebro-conn test studio 'Prod EU'
                  cerebro-conn --config ~/other list --names
                """,
            items: []
        ),
        Section(title: "SEE ALSO", text: "psql(1), pg_isready(1)", items: []),
    ]
}
