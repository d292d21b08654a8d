import CerebroConn

/// `list [--names] [--json]`: every preset; `--names` is the fast path for completion.
enum ListCommand {
    static let spec = CommandSpec(
        name: "list",
        abstract: "list the presets",
        discussion: """
            Damaged preset files are reported on standard error with their path and position;
            the other presets are still listed, and the exit status is then 1.
            '--names' prints the names only, one per line, from the file names alone.
            """,
        options: [
            .flag("names", help: "print only the names, one per line (used by completion)"),
            .flag("json", help: "print a JSON array of presets"),
        ],
        run: run
    )

    private static func run(_ invocation: Invocation, _ context: CommandContext) throws
        -> ExitStatus
    {
        if invocation.has("names"), invocation.has("json") {
            throw UsageError(
                command: "list",
                message: "'--names' and '--json' cannot be used together"
            )
        }
        if invocation.has("names") {
            let names = try context.store.names()
            context.terminal.writeOut(String(decoding: NameListing.lines(names), as: UTF8.self))
            return .success
        }

        var presets: [Preset] = []
        var status = ExitStatus.success
        for entry in try context.store.loadAll() {
            switch entry {
            case .success(let preset):
                context.warnAboutSecretFields(of: preset)
                presets.append(preset)
            case .failure(let error):
                context.diagnostics.error(ErrorMessages.message(for: error))
                status = .failure
            }
        }

        if invocation.has("json") {
            context.terminal.writeOut(JSONOutput.render(presets.map(JSONOutput.PresetObject.init)))
        } else {
            context.terminal.writeOut(table(presets))
        }
        return status
    }

    private static func table(_ presets: [Preset]) -> String {
        let header = ["NAME", "HOST", "PORT", "DATABASE", "USER", "SSL", "CERTDIR"]
        let rows = presets.map { preset in
            [
                preset.name, preset.host, String(preset.port), preset.database, preset.user,
                preset.sslRequired ? "verify-\(preset.verification.rawValue)" : "off",
                preset.certificateFolder ?? "-",
            ]
        }
        guard !rows.isEmpty else {
            return ""
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0
        }
        return ([header] + rows).map { row in
            zip(row, widths).map { cell, width in
                DisplayWidth.padded(cell, to: width)
            }.joined(separator: "  ").trimmingTrailingSpaces + "\n"
        }.joined()
    }
}

extension String {
    /// The string without trailing spaces.
    var trimmingTrailingSpaces: String {
        String(reversed().drop(while: { $0 == " " }).reversed())
    }
}
