import Foundation

/// Tab pressed until the shell lists the candidates: what is typed, and per shell what the
/// screen then shows, and where further Tabs step through a menu.
///
/// The shells list at different presses. Bash inserts what the candidates share on the first
/// Tab and lists on the second Tab that finds nothing more to insert. Zsh does the same but
/// lists on the first press that inserts nothing, and its next Tab starts the menu. Fish opens
/// its pager at once, and each further Tab selects the next candidate, inserting it with the
/// space that ends the word (zsh's menu leaves the space out until a name is accepted).
struct ListingCase: Sendable {
    /// What the case shows.
    var label: String
    /// What is typed before the first Tab.
    var typed: String
    /// What each shell shows once the candidates are listed.
    var listings: [TestShell: Listing]

    /// What one shell shows with the candidates listed, and its menu.
    struct Listing: Sendable {
        /// How many Tabs, from the typed text, bring up the listing.
        var tabs: Int
        /// The command line then, without the prompt.
        var line: String
        /// The candidates as listed, in any order.
        var candidates: [String]
        /// The command line after each further Tab, where the shell has a menu.
        var menu: [String] = []
    }

    /// The listings of field cases 31 and 32.
    static let all: [ListingCase] = [
        ListingCase(
            label: "the menu for two names with a colon (case 31)",
            typed: "cerebro-conn show pr",
            listings: [
                // Readline lists only what follows the last COMP_WORDBREAKS character (':'),
                // as it does for every colon word; the insertion tests show the whole name
                // goes in.
                .bash: Listing(tabs: 3, line: "cerebro-conn show prod:", candidates: ["eu", "us"]),
                .zsh: Listing(
                    tabs: 2,
                    line: "cerebro-conn show prod:",
                    candidates: ["prod:eu", "prod:us"],
                    menu: ["cerebro-conn show prod:eu", "cerebro-conn show prod:us"]
                ),
                .fish: Listing(
                    tabs: 1,
                    line: "cerebro-conn show prod:",
                    candidates: ["prod:eu", "prod:us"],
                    menu: ["cerebro-conn show prod:eu ", "cerebro-conn show prod:us "]
                ),
            ]
        ),
        ListingCase(
            label: "the menu for two names with a space (case 32)",
            typed: "cerebro-conn show Pro",
            listings: [
                .bash: Listing(
                    tabs: 3,
                    line: #"cerebro-conn show Prod\ "#,
                    candidates: [#"Prod\ EU"#, #"Prod\ US"#]
                ),
                .zsh: Listing(
                    tabs: 2,
                    line: #"cerebro-conn show Prod\ "#,
                    candidates: [#"Prod\ EU"#, #"Prod\ US"#],
                    menu: [#"cerebro-conn show Prod\ EU"#, #"cerebro-conn show Prod\ US"#]
                ),
                .fish: Listing(
                    tabs: 1,
                    line: #"cerebro-conn show Prod\ "#,
                    candidates: ["Prod EU", "Prod US"],
                    menu: [#"cerebro-conn show Prod\ EU "#, #"cerebro-conn show Prod\ US "#]
                ),
            ]
        ),
        ListingCase(
            label: "every name, each one candidate, * not a glob (case 32)",
            typed: "cerebro-conn show ",
            listings: [
                .bash: Listing(tabs: 2, line: "cerebro-conn show ", candidates: escapedNames),
                .zsh: Listing(
                    tabs: 1,
                    line: "cerebro-conn show ",
                    candidates: escapedNames,
                    menu: [#"cerebro-conn show \*"#]
                ),
                .fish: Listing(
                    tabs: 1,
                    line: "cerebro-conn show ",
                    candidates: CompletionRun.presetNames,
                    menu: [#"cerebro-conn show \* "#]
                ),
            ]
        ),
    ]

    /// The completion run's preset names as bash and zsh list them: as they would be inserted.
    static let escapedNames = [
        "dev", "prod:eu", "prod:us", #"Prod\ EU"#, #"Prod\ US"#, #"it\'s"#, #"a\&b"#, #"x\$y"#,
        #"\*"#, "showcase",
    ]

    /// The candidates listed on `screen`: every row that is not a prompt line, cut into
    /// columns at runs of two or more spaces (no name here holds two spaces in a row).
    static func candidates(on screen: String) -> [String] {
        screen.split(separator: "\n")
            .filter { !$0.hasPrefix("$ ") && $0 != "$" }
            .flatMap { $0.split(separator: #/ {2,}/#) }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
