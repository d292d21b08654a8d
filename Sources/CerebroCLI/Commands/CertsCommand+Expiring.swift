import CerebroConn

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

// `certs --expiring DAYS [NAME...]`: the certificates in use that end soon, for cron and CI.

extension CertsCommand {
    /// Prints every certificate of the presets' sets that ends within `days` days (or has
    /// ended); 1 when there is one or a preset's set cannot be found or lacks the CA it needs,
    /// 0 otherwise.
    static func expiring(
        within days: Int,
        _ names: [String],
        _ context: CommandContext,
        json: Bool
    ) throws -> ExitStatus {
        let now = Date()
        let limit = now.addingTimeInterval(Double(days) * 86_400)
        let presets = names.isEmpty ? try context.store.names() : names

        var found: [ExpiringObject] = []
        var failures = 0
        for name in presets {
            do {
                let ending = try certificates(of: name, endingBefore: limit, context)
                found += ending.map { ExpiringObject(name: name, $0.path, $0.certificate, now) }
            } catch {
                let message = ErrorMessages.message(for: error)
                context.diagnostics.error(Message("\(name): \(message.text)", hint: message.hint))
                failures += 1
            }
        }

        write(found, days: days, checked: presets.count - failures, failures > 0, context, json)
        return found.isEmpty && failures == 0 ? .success : .failure
    }

    private static func certificates(
        of name: String,
        endingBefore limit: Date,
        _ context: CommandContext
    ) throws -> [FiledCertificate] {
        let preset = try context.store.load(named: name)
        context.warnAboutSecretFields(of: preset)
        let found = try context.lookup.resolve(preset).certificateSet()
        // A preset that cannot connect for want of a CA gets no all-clear.
        try requireAuthority(of: preset, in: found)
        guard let set = inUse(found, by: preset) else {
            return []
        }
        let details = CertificateSetInspector().details(of: set)
        // A certificate file that holds no certificate (a key in client.crt, say) has no end
        // date to check: no all-clear for it.
        for file in details.files where file.slot != .clientKey && file.certificates.isEmpty {
            throw CommandFailure(
                "\(file.path) holds no certificate that can be read, so its end is unknown",
                hint: "run 'cerebro-conn certs \(name)' to see what is wrong with it"
            )
        }
        return details.certificates(endingBefore: limit)
    }

    private static func write(
        _ found: [ExpiringObject],
        days: Int,
        checked: Int,
        _ someFailed: Bool,
        _ context: CommandContext,
        _ json: Bool
    ) {
        if json {
            context.terminal.writeOut(JSONOutput.render(found))
        } else {
            for item in found {
                context.diagnostics.result(item.line)
            }
        }
        // The all-clear covers only the presets whose sets could be read; after an error it
        // says so, and with nothing read there is nothing to clear.
        guard found.isEmpty, checked > 0 else {
            return
        }
        let presets = checked == 1 ? "1 preset" : "\(checked) presets"
        let scope = someFailed ? "the \(presets) that could be read" : presets
        context.diagnostics.note("no certificate of \(scope) ends within \(days) days")
    }

    /// One certificate that ends soon, in JSON and as a line.
    struct ExpiringObject: Encodable {
        var name: String
        var file: String
        var subject: String
        var notAfter: Date
        var hasEnded: Bool
        /// Whole days until the end, or since it when negative.
        var daysLeft: Int

        init(name: String, _ file: String, _ certificate: CertificateSummary, _ now: Date) {
            self.name = name
            self.file = file
            subject = certificate.subject
            notAfter = certificate.notAfter
            let seconds = certificate.notAfter.timeIntervalSince(now)
            hasEnded = seconds < 0
            daysLeft = Int((seconds / 86_400).rounded(.towardZero))
        }

        /// `NAME: FILE: SUBJECT ends on DATE, in N days` or `… ended on DATE, N days ago`.
        var line: String {
            let date = CertificatePresentation.utc(notAfter)
            let when =
                if hasEnded {
                    "ended on \(date), \(days(-daysLeft)) ago"
                } else {
                    "ends on \(date), in \(days(daysLeft))"
                }
            return "\(name): \(file): \(subject) \(when)"
        }

        private func days(_ count: Int) -> String {
            switch count {
            case 0: "less than a day"
            case 1: "1 day"
            default: "\(count) days"
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(file, forKey: .file)
            try container.encode(subject, forKey: .subject)
            try container.encode(CertificatePresentation.iso(notAfter), forKey: .notAfter)
            try container.encode(hasEnded, forKey: .hasEnded)
            try container.encode(daysLeft, forKey: .daysLeft)
        }

        enum CodingKeys: String, CodingKey {
            case name, file, subject
            case notAfter = "not_after"
            case hasEnded = "ended"
            case daysLeft = "days_left"
        }
    }
}
