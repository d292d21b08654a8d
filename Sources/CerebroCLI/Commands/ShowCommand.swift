import CerebroConn

/// `show NAME [--json]`: the preset, its resolved set and its connection plan.
enum ShowCommand {
    static let spec = CommandSpec(
        name: "show",
        abstract: "show a preset, its certificate set and its connection plan",
        discussion: """
            The plan is printed as libpq keyword/value pairs, quoted by libpq's rules. Every
            SSL file keyword is explicit, so ~/.postgresql files never change what the preset
            does. Nor do PG* variables, PGPASSWORD and PGPASSFILE excepted: the ones that are
            set are listed under 'environment' (in JSON, 'ignored_environment').
            """,
        arguments: [
            ArgumentSpec(
                name: "NAME",
                kind: .presetName,
                arity: .required,
                help: "the preset to show"
            )
        ],
        options: [.flag("json", help: "print one JSON object")],
        run: run
    )

    private static func run(_ invocation: Invocation, _ context: CommandContext) throws
        -> ExitStatus
    {
        let checker = PresetCheck(store: context.store, lookup: context.lookup)
        let result = checker.prepare(invocation.arguments[0])
        guard let preset = result.preset else {
            if case .notAttempted(let problem) = result.outcome {
                throw problem.underlying
            }
            return .failure
        }
        context.warnAboutSecretFields(of: preset)

        if invocation.has("json") {
            context.terminal.writeOut(
                JSONOutput.render(ShowObject(result, preset, context.environment))
            )
        } else {
            context.terminal.writeOut(text(result, preset, context.environment))
        }
        if result.plan == nil, case .notAttempted(let problem) = result.outcome {
            context.diagnostics.error(ErrorMessages.message(for: problem.underlying))
            return .failure
        }
        return .success
    }

    private static func text(_ result: CheckResult, _ preset: Preset, _ environment: Environment)
        -> String
    {
        var lines = ["preset"] + PresetPresentation.aligned(PresetPresentation.fields(preset))
        lines +=
            ["certificate lookup"]
            + (result.trail.map(PresetPresentation.trail) ?? []).map { "  " + $0 }
        if let plan = result.plan {
            lines +=
                ["certificate set"]
                + PresetPresentation.aligned(PresetPresentation.set(plan.certificateSet))
            lines += ["connection plan"]
            lines += plan.parameters.map { "  \($0.keyword)=\(ConnectionPlan.quote($0.value))" }
            lines += ["  " + PresetPresentation.verification(plan)]
        }
        let ambient = environment.ignoredLibpqVariables.keys.sorted()
        if !ambient.isEmpty {
            lines += ["environment"]
            lines += ambient.map {
                "  \($0) is set and has no effect: a preset takes no libpq setting from it"
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The JSON object `show --json` prints.
    private struct ShowObject: Encodable {
        var preset: JSONOutput.PresetObject
        var lookup: [JSONOutput.StepObject]
        var certificateSet: JSONOutput.SetObject?
        var plan: [String: String]?
        var conninfo: String?
        var verification: String?
        var error: String?
        var ignoredEnvironment: [String]

        init(_ result: CheckResult, _ preset: Preset, _ environment: Environment) {
            self.preset = JSONOutput.PresetObject(preset)
            lookup = result.trail?.steps.map(PresetPresentation.stepObject) ?? []
            certificateSet = result.plan?.certificateSet.map(PresetPresentation.setObject)
            plan = result.plan.map {
                Dictionary($0.parameters.map { ($0.keyword, $0.value) }) { _, last in last }
            }
            conninfo = result.plan?.conninfo
            verification = result.plan.map(PresetPresentation.verification)
            if result.plan == nil, case .notAttempted(let problem) = result.outcome {
                error = ErrorMessages.message(for: problem.underlying).text
            }
            ignoredEnvironment = environment.ignoredLibpqVariables.keys.sorted()
        }

        enum CodingKeys: String, CodingKey {
            case preset, lookup, plan, conninfo, verification, error
            case certificateSet = "certificate_set"
            case ignoredEnvironment = "ignored_environment"
        }
    }
}
