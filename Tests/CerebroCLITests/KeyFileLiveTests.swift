import Foundation
import Testing

/// A key mode and owner, and whether libpq's rule lets the key through.
struct KeyModeCase: Sendable, CustomTestStringConvertible {
    var mode: Int
    var owner: UInt32
    var isAccepted: Bool
    var testDescription: String {
        "\(String(mode, radix: 8)) owned by \(owner == 0 ? "root" : "uid \(owner)")"
    }
}

/// Key files against the real server: modes, formats and the wrong file in a slot.
///
/// Field cases 1, 2 and 3 (modes), 5 (formats) and 30 (wrong file). Refused files stop
/// before libpq with status 3.
///
/// The tests run as root, as `scripts/test` does: files they make belong to root, and
/// `chown` gives a key to uid 65534 for the "owned by you, not root" rows.
@Suite struct KeyFileLiveTests {
    static let rule = "allowed is 0600 or stricter if you own it, 0640 or stricter if root owns it"

    static let modes: [KeyModeCase] = [
        KeyModeCase(mode: 0o600, owner: 0, isAccepted: true),
        KeyModeCase(mode: 0o400, owner: 0, isAccepted: true),
        KeyModeCase(mode: 0o640, owner: 0, isAccepted: true),
        KeyModeCase(mode: 0o440, owner: 0, isAccepted: true),
        KeyModeCase(mode: 0o644, owner: 0, isAccepted: false),
        KeyModeCase(mode: 0o660, owner: 0, isAccepted: false),
        KeyModeCase(mode: 0o600, owner: 65534, isAccepted: true),
        KeyModeCase(mode: 0o400, owner: 65534, isAccepted: true),
        KeyModeCase(mode: 0o700, owner: 65534, isAccepted: true),
        KeyModeCase(mode: 0o640, owner: 65534, isAccepted: false),
        KeyModeCase(mode: 0o604, owner: 65534, isAccepted: false),
        KeyModeCase(mode: 0o610, owner: 65534, isAccepted: false),
        KeyModeCase(mode: 0o620, owner: 65534, isAccepted: false),
    ]

    /// Field cases 1 and 2: every mode the rule allows connects, with the set's files in the
    /// plan; every other one is refused before libpq with the file, its mode and owner, and the
    /// rule.
    @Test(arguments: modes)
    func keyModeFollowsLibpqsRule(_ row: KeyModeCase) throws {
        try #require(getuid() == 0, "these tests need root, to own keys as root and as uid 65534")
        let session = try LiveSession()
        let folder = try session.copySet("good", to: "set")
        let key = folder + "/client.key"
        try FileManager.default.setAttributes(
            [.posixPermissions: row.mode, .ownerAccountID: row.owner],
            ofItemAtPath: key
        )
        try session.add("k", ["--ssl", "--certdir", folder])

        let result = try session.run(["test", "-v", "k"])

        if row.isAccepted {
            // Field case 1's expected plan: the set's three files, as they are, for libpq.
            let shown = try session.run(["show", "k", "--json"])
            let object = try JSONSerialization.jsonObject(with: Data(shown.out.utf8))
            let conninfo = try #require((object as? [String: Any])?["conninfo"] as? String)
            #expect(result.status == 0, "\(result.err)")
            #expect(shown.status == 0, "\(shown.err)")
            #expect(
                conninfo.contains(
                    "sslmode=verify-full sslcert=\(folder)/client.crt sslkey=\(folder)/client.key "
                        + "sslrootcert=\(folder)/ca.crt "
                ),
                "\(conninfo)"
            )
            return
        }
        let owner = row.owner == 0 ? "root" : "uid \(row.owner)"
        let mode = "0" + String(row.mode, radix: 8)
        #expect(result.status == 3)
        #expect(
            result.err
                == "error: k: client.key: mode \(mode), owner \(owner) — \(Self.rule) (in \(folder)); "
                + "copy the key to a 0600 file you own\n"
        )
    }

    /// Field case 3: a group-readable key owned by a non-root uid (a container's mount) is
    /// refused before libpq, with a hint and without touching the file.
    @Test func groupReadableKeyOfAnotherUserIsRefusedAndLeftAlone() throws {
        try #require(getuid() == 0, "this test needs root, to give the key to uid 65534")
        let session = try LiveSession()
        let folder = try session.copySet("good", to: "secrets/pg")
        let key = folder + "/client.key"
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o640, .ownerAccountID: 65534, .groupOwnerAccountID: 0],
            ofItemAtPath: key
        )
        try session.add("k8s", ["--ssl", "--certdir", folder])

        let result = try session.run(["test", "k8s"])

        let attributes = try FileManager.default.attributesOfItem(atPath: key)
        #expect(result.status == 3)
        #expect(result.err.contains("client.key: mode 0640, owner uid 65534 — \(Self.rule)"))
        #expect(result.err.hasSuffix("; copy the key to a 0600 file you own\n"))
        #expect(attributes[.posixPermissions] as? Int == 0o640)
        #expect(attributes[.ownerAccountID] as? UInt32 == 65534)
    }

    /// Field case 5: PKCS#8, PKCS#1 and SEC1 keys (each with a certificate from the fixture's
    /// CA) are accepted, handed to libpq unchanged, and connect.
    @Test(arguments: [FixtureAuthority.KeyForm.rsaPKCS8, .rsaPKCS1, .ecSEC1])
    func everyPEMKeyFormConnects(_ form: FixtureAuthority.KeyForm) throws {
        let session = try LiveSession()
        let authority = try session.authority()
        let folder = session.path("set")
        try authority.makeSet(in: folder, keyForm: form)
        let before = try Data(contentsOf: URL(fileURLWithPath: folder + "/client.key"))
        try session.add("fmt", ["--ssl", "--certdir", folder])

        let shown = try session.run(["show", "fmt"])
        let result = try session.run(["test", "fmt"])

        let header = String(decoding: before.prefix(40), as: UTF8.self)
        #expect(header.hasPrefix(Self.header(of: form)))
        #expect(result.status == 0, "\(result.err)")
        #expect(result.err == "")
        #expect(shown.out.contains("  sslkey=\(folder)/client.key\n"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/client.key")) == before)
    }

    /// A DER key is read by libpq too: a warning, and the connection goes ahead.
    @Test func derKeyIsAWarningAndConnects() throws {
        let session = try LiveSession()
        let folder = try session.copySet("good", to: "der")
        let authority = try session.authority()
        try authority.openssl([
            "pkey", "-in", folder + "/client.key", "-outform", "DER", "-out",
            folder + "/client.der",
        ])
        try FileManager.default.removeItem(atPath: folder + "/client.key")
        try FileManager.default.moveItem(
            atPath: folder + "/client.der",
            toPath: folder + "/client.key"
        )
        try authority.setMode(0o600, folder + "/client.key")
        try session.add("der", ["--ssl", "--certdir", folder])

        let result = try session.run(["test", "der"])

        #expect(result.status == 0, "\(result.err)")
        #expect(
            result.err.hasPrefix(
                "warning: der: client.key is a DER key; libpq reads it, but the set's files "
                    + "should be PEM (in \(folder)); convert it with `openssl pkey -inform DER"
            )
        )
    }

    /// Field case 30: a certificate in the key slot.
    @Test func certificateInTheKeySlotIsNamed() throws {
        let session = try LiveSession()
        let folder = try session.copySet("good", to: "x", only: ["client.crt", "ca.crt"])
        try FileManager.default.copyItem(
            atPath: session.server.pki + "/server.crt",
            toPath: folder + "/client.key"
        )
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o600],
            ofItemAtPath: folder + "/client.key"
        )
        try session.add("x", ["--ssl", "--certdir", folder])

        let result = try session.run(["test", "x"])

        #expect(result.status == 3)
        #expect(
            result.err
                == "error: x: client.key contains a CERTIFICATE, not a private key (in \(folder)); "
                + "put the private key that belongs to the client certificate in client.key\n"
        )
    }

    /// Field case 30, mismatch variant: a valid key from another pair.
    @Test func keyFromAnotherPairIsNamed() throws {
        let session = try LiveSession()
        let folder = try session.copySet("good", to: "x", only: ["client.crt", "ca.crt"])
        try session.server.copySet("rogue", to: folder, only: ["client.key"])
        try session.add("x", ["--ssl", "--certdir", folder])

        let result = try session.run(["test", "x"])

        #expect(result.status == 3)
        #expect(
            result.err.hasPrefix(
                "error: x: client.crt and client.key do not belong together (public keys differ) (in \(folder)); "
            )
        )
    }

    /// Field case 30, chain variant: the intermediate comes first in client.crt.
    @Test func chainStartingWithTheIntermediateIsNamed() throws {
        let session = try LiveSession()
        let root = try session.authority()
        try root.makeKey(session.path("intermediate.key"))
        try root.sign(
            session.path("intermediate.crt"),
            key: session.path("intermediate.key"),
            subject: "/CN=cerebro-conn test intermediate",
            isAuthority: true
        )
        let intermediate = try FixtureAuthority(
            folder: session.path("intermediate-ca"),
            certificate: session.path("intermediate.crt"),
            key: session.path("intermediate.key")
        )
        let folder = session.path("chain")
        try intermediate.makeSet(in: folder, authority: session.server.pki + "/ca.crt")
        let leaf = try Data(contentsOf: URL(fileURLWithPath: folder + "/client.crt"))
        let middle = try Data(contentsOf: URL(fileURLWithPath: session.path("intermediate.crt")))
        try (middle + leaf).write(to: URL(fileURLWithPath: folder + "/client.crt"))
        try session.add("chain", ["--ssl", "--certdir", folder])

        let result = try session.run(["test", "chain"])

        #expect(result.status == 3)
        #expect(
            result.err.contains(
                "error: chain: the first certificate in client.crt must be the client (leaf) "
                    + "certificate (in \(folder)); reorder client.crt: the client certificate "
                    + "first, then its intermediates\n"
            )
        )
        #expect(!result.err.contains("do not belong together"))
    }

    static func header(of form: FixtureAuthority.KeyForm) -> String {
        switch form {
        case .rsaPKCS8, .ecPKCS8: "-----BEGIN PRIVATE KEY-----"
        case .rsaPKCS1: "-----BEGIN RSA PRIVATE KEY-----"
        case .ecSEC1: "-----BEGIN EC PARAMETERS-----"
        }
    }
}

extension FixtureAuthority.KeyForm: CustomTestStringConvertible {
    var testDescription: String {
        switch self {
        case .rsaPKCS8: "PKCS#8 RSA"
        case .rsaPKCS1: "PKCS#1 RSA"
        case .ecSEC1: "SEC1 EC"
        case .ecPKCS8: "PKCS#8 EC"
        }
    }
}
