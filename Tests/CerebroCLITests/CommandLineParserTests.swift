import CerebroCLI
import Testing

/// One parser row: argv and the expected invocation or error text.
struct ParseCase: Sendable, CustomTestStringConvertible {
    var label: String
    var arguments: [String]
    var expected: Expected

    enum Expected: Sendable, Equatable {
        case run(
            command: String,
            options: [String: [String]],
            arguments: [String],
            verbosity: Int = 0
        )
        case help(String?)
        case version
        case usage(String)
    }

    var testDescription: String { label }
}

struct CommandLineParserTests {
    static let cases: [ParseCase] = [
        ParseCase(
            label: "--opt value",
            arguments: ["add", "acme", "--host", "db.example.test"],
            expected: .run(
                command: "add",
                options: ["host": ["db.example.test"]],
                arguments: ["acme"]
            )
        ),
        ParseCase(
            label: "--opt=value",
            arguments: ["add", "acme", "--host=db.example.test:6432"],
            expected: .run(
                command: "add",
                options: ["host": ["db.example.test:6432"]],
                arguments: ["acme"]
            )
        ),
        ParseCase(
            label: "flags and options after the argument",
            arguments: ["add", "--ssl", "acme", "--verify", "ca"],
            expected: .run(
                command: "add",
                options: ["ssl": [], "verify": ["ca"]],
                arguments: ["acme"]
            )
        ),
        ParseCase(
            label: "packed short flags are global",
            arguments: ["-qv", "list", "-v"],
            expected: .run(command: "list", options: [:], arguments: [], verbosity: 1)
        ),
        ParseCase(
            label: "-- ends options",
            arguments: ["test", "--", "--all"],
            expected: .run(command: "test", options: [:], arguments: ["--all"])
        ),
        ParseCase(
            label: "unknown option",
            arguments: ["list", "--nmes"],
            expected: .usage("unknown option '--nmes'")
        ),
        ParseCase(
            label: "unknown short option",
            arguments: ["list", "-x"],
            expected: .usage("unknown option '-x'")
        ),
        ParseCase(
            label: "missing value",
            arguments: ["add", "acme", "--host"],
            expected: .usage("option '--host' needs a value H[:P]")
        ),
        ParseCase(
            label: "repeated option",
            arguments: ["add", "acme", "--host", "a", "--host", "b"],
            expected: .usage("option '--host' is given more than once")
        ),
        ParseCase(
            label: "bad choice",
            arguments: ["add", "acme", "--verify", "strict"],
            expected: .usage("option '--verify' takes one of full, ca, none, not 'strict'")
        ),
        ParseCase(
            label: "flag with a value",
            arguments: ["add", "acme", "--ssl=yes"],
            expected: .usage("option '--ssl' takes no value")
        ),
        ParseCase(
            label: "unknown command",
            arguments: ["connect", "acme"],
            expected: .usage(
                "unknown command 'connect'; commands are add, edit, rename, remove, list, show, "
                    + "certs, test, completion, help"
            )
        ),
        ParseCase(
            label: "missing argument",
            arguments: ["rename", "a"],
            expected: .usage("missing NEW")
        ),
        ParseCase(
            label: "extra argument",
            arguments: ["show", "a", "b"],
            expected: .usage("unexpected argument 'b'")
        ),
        ParseCase(
            label: "help for a command",
            arguments: ["show", "--help"],
            expected: .help("show")
        ),
        ParseCase(label: "help COMMAND", arguments: ["help", "test"], expected: .help("test")),
        ParseCase(label: "bare help", arguments: ["-h"], expected: .help(nil)),
        ParseCase(label: "version", arguments: ["--version"], expected: .version),
        ParseCase(
            label: "global option after the command",
            arguments: ["list", "--config", "/c", "--color=never"],
            expected: .run(command: "list", options: [:], arguments: [])
        ),
    ]

    @Test(arguments: cases)
    func parses(_ row: ParseCase) {
        let parser = CommandLineParser(commands: CerebroTool.commands)
        let actual: ParseCase.Expected
        do {
            switch try parser.parse(row.arguments) {
            case .run(let invocation, let globals):
                actual = .run(
                    command: invocation.command.name,
                    options: invocation.options,
                    arguments: invocation.arguments,
                    verbosity: globals.verbosity
                )
            case .help(let command, _):
                actual = .help(command)
            case .version:
                actual = .version
            }
        } catch {
            actual = .usage(error.message)
        }
        #expect(actual == row.expected)
    }

    @Test func globalOptionsAreApplied() throws {
        let parser = CommandLineParser(commands: CerebroTool.commands)
        guard
            case .run(_, let globals) = try parser.parse([
                "--config", "/c", "list", "--color", "always", "-q",
            ])
        else {
            Issue.record("expected a run")
            return
        }
        #expect(globals.configurationDirectory == "/c")
        #expect(globals.color == .always)
        #expect(globals.verbosity == -1)
    }
}
