import CerebroConn
import Testing

@Suite struct KeyPermissionRuleTests {
    /// One row of libpq's rule: a mode, whether root owns the key, and libpq's verdict.
    struct ModeCase: Sendable, CustomTestStringConvertible {
        let mode: Int
        let ownerIsRoot: Bool
        let isAllowed: Bool

        var testDescription: String {
            let owner = ownerIsRoot ? "root" : "user"
            return "\(owner) 0\(String(mode, radix: 8)) → \(isAllowed ? "accept" : "reject")"
        }
    }

    /// Field cases 1–3 and libpq's own examples.
    static let modeCases: [ModeCase] = [
        ModeCase(mode: 0o640, ownerIsRoot: true, isAllowed: true),
        ModeCase(mode: 0o440, ownerIsRoot: true, isAllowed: true),
        ModeCase(mode: 0o600, ownerIsRoot: true, isAllowed: true),
        ModeCase(mode: 0o400, ownerIsRoot: true, isAllowed: true),
        ModeCase(mode: 0o644, ownerIsRoot: true, isAllowed: false),
        ModeCase(mode: 0o660, ownerIsRoot: true, isAllowed: false),
        ModeCase(mode: 0o650, ownerIsRoot: true, isAllowed: false),
        ModeCase(mode: 0o641, ownerIsRoot: true, isAllowed: false),
        ModeCase(mode: 0o400, ownerIsRoot: false, isAllowed: true),
        ModeCase(mode: 0o600, ownerIsRoot: false, isAllowed: true),
        ModeCase(mode: 0o700, ownerIsRoot: false, isAllowed: true),
        ModeCase(mode: 0o604, ownerIsRoot: false, isAllowed: false),
        ModeCase(mode: 0o610, ownerIsRoot: false, isAllowed: false),
        ModeCase(mode: 0o620, ownerIsRoot: false, isAllowed: false),
        ModeCase(mode: 0o640, ownerIsRoot: false, isAllowed: false),
        ModeCase(mode: 0o440, ownerIsRoot: false, isAllowed: false),
        ModeCase(mode: 0o644, ownerIsRoot: false, isAllowed: false),
    ]

    @Test(arguments: modeCases)
    func ruleMatchesLibpq(_ row: ModeCase) {
        #expect(
            KeyPermissionRule.allows(mode: row.mode, ownerIsRoot: row.ownerIsRoot) == row.isAllowed
        )
    }
}
