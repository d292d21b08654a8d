import CerebroConn

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// `certs NAME` and `certs --expiring DAYS [NAME...]`: where a preset's certificates come from,
/// what they hold and what is wrong with them; or which certificates end soon.
enum CertsCommand {
    static let spec = CommandSpec(
        name: "certs",
        abstract: "explain where a preset's certificates come from and what they hold",
        discussion: """
            Lists the folders in Cerebro's lookup order: the preset's folder if it has one,
            otherwise $HOME/cerebro and then $CEREBRO_HOME/etc (default /opt/cerebro/etc).
            For each: what it holds, whether it was used or skipped, and why. Then each file
            of the set decoded (subject, issuer, serial, validity in UTC, names, key, Cargador
            upload scope) and what the checks before connecting find. Exit status: 0 when
            nothing is wrong (warnings allowed), 1 when a finding is an error, the lookup
            fails, or the preset needs a ca.crt that no folder holds (SSL with '--verify full'
            or 'ca'), 64 for a usage error. No set anywhere for a preset that needs none is
            not an error: no certificate will be sent.

            With '--expiring DAYS', checks every certificate of the sets that the presets
            named (or all presets) use, and prints each one that ends within DAYS days or has
            ended. Exit status: 0 when there is none, 1 when there is one or a preset's set
            cannot be found or lacks the ca.crt it needs, for cron and CI.
            """,
        arguments: [
            ArgumentSpec(
                name: "NAME",
                kind: .presetName,
                arity: .zeroOrMore,
                help: "the preset; with --expiring, the presets (default: all)"
            )
        ],
        options: [
            .value(
                "expiring",
                .number,
                placeholder: "DAYS",
                help: "list certificates in use that end within DAYS days; exit 1 if any"
            ),
            .flag("json", help: "print JSON"),
        ],
        run: run
    )

    private static func run(
        _ invocation: Invocation,
        _ context: CommandContext
    ) throws -> ExitStatus {
        if let days = try invocation.number("expiring") {
            guard days >= 0 else {
                throw UsageError(
                    command: "certs",
                    message: "option '--expiring' takes a number of days from 0, not '\(days)'"
                )
            }
            let json = invocation.has("json")
            return try expiring(within: days, invocation.arguments, context, json: json)
        }

        guard invocation.arguments.count == 1 else {
            let message =
                invocation.arguments.isEmpty
                ? "missing NAME"
                : "unexpected argument '\(invocation.arguments[1])'"
            throw UsageError(command: "certs", message: message)
        }
        return try show(invocation.arguments[0], context, json: invocation.has("json"))
    }

    private static func show(
        _ name: String,
        _ context: CommandContext,
        json: Bool
    ) throws -> ExitStatus {
        let preset = try context.store.load(named: name)
        context.warnAboutSecretFields(of: preset)
        let trail = context.lookup.resolve(preset)
        let set: CertificateSet?
        do {
            set = try trail.certificateSet()
        } catch {
            CertificateListing.write(name, trail, details: nil, context, json: json)
            context.diagnostics.error(ErrorMessages.message(for: error))
            return .failure
        }

        let used = inUse(set, by: preset)
        let details = used.map(CertificateSetInspector().details(of:))
        CertificateListing.write(name, trail, details: details, context, json: json)
        if let authority = set?.authority, used?.authority == nil {
            context.diagnostics.note(
                "\(authority) is not handed to libpq at this level (nothing is verified), "
                    + "so it is not checked"
            )
        }
        let hasErrors = details?.findings.contains { $0.severity == .error } ?? false
        do {
            try requireAuthority(of: preset, in: set)
        } catch {
            context.diagnostics.error(ErrorMessages.message(for: error))
            return .failure
        }
        return hasErrors ? .failure : .success
    }

    /// The files of `set` that a connection with `preset` uses, as `test` checks them: `ca.crt`
    /// only at the levels that verify the server's chain (`full` and `ca`).
    static func inUse(_ set: CertificateSet?, by preset: Preset) -> CertificateSet? {
        guard var set else {
            return nil
        }
        // The plan's own rule: only a mode that verifies the chain hands libpq the CA.
        if !SSLMode(sslRequired: preset.sslRequired, level: preset.verification).verifiesChain {
            set.authority = nil
        }
        return set
    }

    /// Fails as `test` would before connecting when the preset's verification needs a CA
    /// that its set (if any) lacks; a preset that verifies nothing needs no set at all.
    static func requireAuthority(of preset: Preset, in set: CertificateSet?) throws(PlanError) {
        _ = try ConnectionPlan(preset: preset, certificateSet: set)
    }
}
