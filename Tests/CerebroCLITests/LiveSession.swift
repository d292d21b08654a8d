import Foundation

/// A scratch home and configuration folder for running the tool against the live server.
struct LiveSession {
    let scratch = Scratch()
    let server: LiveServer

    /// A session, or a recorded failure when the server's environment is missing.
    init() throws {
        server = try LiveServer.require()
    }

    /// The fixture's certificate set `name`.
    func set(_ name: String) -> String {
        server.sets + "/" + name
    }

    /// A path inside the scratch folder.
    func path(_ relative: String) -> String {
        scratch.path + "/" + relative
    }

    /// Runs the built binary with the scratch environment, plus `extra`.
    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> ToolOutput
    {
        try ToolHarness.runBinary(arguments, environment: scratch.environment.merging(extra) { $1 })
    }

    /// Runs the tool in this process, answering prompts from `input` when on a "terminal".
    func runInProcess(_ arguments: [String], input: [String] = [], terminal: Bool = false)
        -> ToolOutput
    {
        ToolHarness.run(
            arguments,
            environment: scratch.environment,
            input: input,
            inputIsTerminal: terminal
        )
    }

    /// Adds a preset for the fixture's server; `options` come last.
    func add(
        _ name: String,
        host: String = "localhost",
        port: String? = nil,
        user: String = "cerebro_user",
        _ options: [String]
    ) throws {
        let arguments = [
            "add", name, "--host", host, "--port", port ?? server.port, "--user", user,
        ]
        let added = try run(arguments + options)
        guard added.status == 0 else {
            throw CommandError(command: "add \(name)", message: added.err)
        }
    }

    /// Copies the fixture's set `name` into the scratch folder `relative` (keys stay 0600).
    @discardableResult
    func copySet(_ name: String, to relative: String, only files: [String]? = nil) throws -> String
    {
        try server.copySet(name, to: path(relative), only: files)
        return path(relative)
    }

    /// A signer with the fixture's CA, working in the scratch folder `relative`.
    func authority(_ relative: String = "signing") throws -> FixtureAuthority {
        try FixtureAuthority(server: server, folder: path(relative))
    }

    /// The lines of `text` that start with `prefix`.
    static func lines(_ text: String, startingWith prefix: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.hasPrefix(prefix) }
    }
}
