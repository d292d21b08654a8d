import CerebroConn
import Foundation
import Testing

/// The permission rule on real files.
///
/// Files made here belong to the user running the tests; tests that need another owner use
/// `chown`, which needs root.
@Suite struct KeyPermissionInspectionTests {
    static let isRoot = getuid() == 0
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// For the tests that need root to own or `chown` the key: off root they are skipped, except
    /// under `CI=true`, where they run and fail, since a skip there would hide that they never
    /// ran.
    static let needsRoot = ConditionTrait.enabled(
        if: isRoot || isCI,
        "needs root to own or chown the key"
    )
    static let rule = "allowed is 0600 or stricter if you own it, 0640 or stricter if root owns it"

    /// Field case 1: a root-owned key that its group may read is what libpq accepts.
    @Test(needsRoot, arguments: [0o640, 0o440, 0o600])
    func rootOwnedKeyWithGroupReadPasses(mode: Int) throws {
        try Self.requireRoot()
        let pki = try TestPKI()
        let (set, _) = try pki.makeSet()
        try pki.setMode(mode, of: try #require(set.key))

        #expect(set.inspect() == [])
    }

    /// Field case 1, boundary vectors: world-readable or group-writable is refused.
    @Test(needsRoot, arguments: [0o644, 0o660])
    func rootOwnedKeyOpenToOthersIsRefused(mode: Int) throws {
        try Self.requireRoot()
        let pki = try TestPKI()
        let (set, _) = try pki.makeSet()
        try pki.setMode(mode, of: try #require(set.key))

        let findings = set.inspect()

        let octal = "0" + String(mode, radix: 8)
        #expect(
            findings.map(\.description) == [
                "client.key: mode \(octal), owner root — \(Self.rule)"
            ]
        )
        #expect(findings.map(\.severity) == [.error])
        #expect(findings.map(\.hint) == ["copy the key to a 0600 file you own"])
    }

    /// Field cases 2 and 3: a key owned by a user must have no group or other bits.
    @Test(arguments: [
        (0o400, true), (0o600, true), (0o700, true),
        (0o604, false), (0o610, false), (0o620, false), (0o640, false),
    ])
    func userOwnedKeyFollowsTheStrictRule(mode: Int, isAllowed: Bool) throws {
        let pki = try TestPKI()
        let (set, _) = try pki.makeSet()
        let key = try #require(set.key)
        let owner = Self.isRoot ? 65_534 : getuid()
        if Self.isRoot {
            try pki.setOwner(owner, of: key)
        }
        try pki.setMode(mode, of: key)

        let findings = set.inspect(currentUserID: owner)

        let octal = "0" + String(mode, radix: 8)
        let expected = "client.key: mode \(octal), owner uid \(owner) (you) — \(Self.rule)"
        #expect(findings.map(\.description) == (isAllowed ? [] : [expected]))
    }

    /// libpq judges by the owner, not by who connects: the told user changes only the words.
    @Test(needsRoot, arguments: [UInt32(0), 1_000])
    func verdictDependsOnTheOwnerNotOnTheCurrentUser(currentUserID: UInt32) throws {
        try Self.requireRoot()
        let pki = try TestPKI()
        let (set, _) = try pki.makeSet()
        let key = try #require(set.key)
        try pki.setOwner(65_534, of: key)

        try pki.setMode(0o640, of: key)
        let refused = set.inspect(currentUserID: currentUserID)
        try pki.setMode(0o600, of: key)
        let accepted = set.inspect(currentUserID: currentUserID)

        #expect(
            refused.map(\.kind) == [
                .keyPermissionsTooOpen(mode: 0o640, ownerUserID: 65_534, ownerIsCurrentUser: false)
            ]
        )
        #expect(
            refused.map(\.description) == [
                "client.key: mode 0640, owner uid 65534 — \(Self.rule)"
            ]
        )
        #expect(accepted == [])
    }

    private static func requireRoot() throws {
        try #require(isRoot, "needs root to own or chown the key: run scripts/test as root")
    }

    @Test func certificatesAreNotHeldToTheKeyRule() throws {
        let pki = try TestPKI()
        let (set, _) = try pki.makeSet()
        try pki.setMode(0o666, of: try #require(set.certificate))
        try pki.setMode(0o666, of: try #require(set.authority))

        #expect(set.inspect() == [])
    }
}
