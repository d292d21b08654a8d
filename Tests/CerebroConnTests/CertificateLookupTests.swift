import Foundation
import Testing

@testable import CerebroConn

/// One row of the lookup table: a file layout, a preset folder, and what must come out.
struct LookupCase: Sendable, CustomTestStringConvertible {
    var label: String
    /// Files to create, relative to the scratch folder: `p/` preset, `home/cerebro/` user,
    /// `install/etc/` install.
    var files: [String]
    /// Symbolic links to create: link → target, both relative to the scratch folder.
    var links: [String: String] = [:]
    /// The preset's folder, relative to the scratch folder (as typed when it starts with `~`),
    /// or nil to search.
    var presetFolder: String?
    /// The expected set: (folder relative path, naming, has CA), or nil for "no set".
    var expectedSet: (folder: String, naming: ClientNaming?, hasCA: Bool)?
    /// The expected error, built from the scratch folder's path.
    var expectedError: (@Sendable (String) -> CertificateLookupError)?
    /// The expected verdicts per step.
    var verdicts: [String]

    var testDescription: String { label }
}

struct CertificateLookupTests {
    static let cases: [LookupCase] = [
        LookupCase(
            label: "rule 1: preset folder with a plain set is used",
            files: ["p/client.crt", "p/client.key", "p/ca.crt", "home/cerebro/client.crt"],
            presetFolder: "p",
            expectedSet: ("p", .plain, true),
            verdicts: ["used"]
        ),
        LookupCase(
            label: "rule 1: preset folder with the .pg naming",
            files: ["p/client.pg.crt", "p/client.pg.key", "p/ca.crt"],
            presetFolder: "p",
            expectedSet: ("p", .postgres, true),
            verdicts: ["used"]
        ),
        LookupCase(
            label: "rule 1: missing preset folder is an error; the user folder is not searched",
            files: ["home/cerebro/client.crt", "home/cerebro/client.key"],
            presetFolder: "p",
            expectedError: { .folderMissing(folder: $0 + "/p") },
            verdicts: ["failed"]
        ),
        LookupCase(
            label: "rule 1: preset folder holding no set is an error",
            files: ["p/readme.txt", "home/cerebro/ca.crt"],
            presetFolder: "p",
            expectedError: { .noSetInFolder(folder: $0 + "/p") },
            verdicts: ["failed"]
        ),
        LookupCase(
            label: "rule 1: a file given as the folder is an error",
            files: ["p"],
            presetFolder: "p",
            expectedError: { .notAFolder(folder: $0 + "/p") },
            verdicts: ["failed"]
        ),
        LookupCase(
            label: "rule 1: a preset folder that cannot be read is an error with the reason",
            files: ["home/cerebro/client.crt", "home/cerebro/client.key"],
            // A loop of links: stat fails for root too, where a mode-000 folder would not.
            links: ["p": "q", "q": "p"],
            presetFolder: "p",
            expectedError: {
                .folderUnreadable(folder: $0 + "/p", reason: "too many levels of symbolic links")
            },
            verdicts: ["failed"]
        ),
        LookupCase(
            label: "rule 1: '~user' naming no account is an error; nothing else is searched",
            files: ["home/cerebro/client.crt", "home/cerebro/client.key"],
            presetFolder: "~no-such-user-xyz/x",
            expectedError: { _ in .unknownHome(path: "~no-such-user-xyz/x") },
            verdicts: ["failed"]
        ),
        LookupCase(
            label: "rule 2: user folder first",
            files: ["home/cerebro/client.crt", "home/cerebro/client.key", "install/etc/ca.crt"],
            expectedSet: ("home/cerebro", .plain, false),
            verdicts: ["used", "notConsulted"]
        ),
        LookupCase(
            label: "rule 2: install folder when the user folder is absent",
            files: [
                "install/etc/client.pg.crt", "install/etc/client.pg.key", "install/etc/ca.crt",
            ],
            expectedSet: ("install/etc", .postgres, true),
            verdicts: ["absent", "used"]
        ),
        LookupCase(
            label: "rule 2: install folder when the user folder holds only other files",
            files: ["home/cerebro/notes.txt", "install/etc/ca.crt"],
            expectedSet: ("install/etc", nil, true),
            verdicts: ["empty", "used"]
        ),
        LookupCase(
            label: "rule 2: the first folder holding any file wins, even if broken",
            files: ["home/cerebro/client.crt", "install/etc/client.crt", "install/etc/client.key"],
            expectedError: {
                .incompleteSet(
                    folder: $0 + "/home/cerebro",
                    present: "client.crt",
                    missing: "client.key"
                )
            },
            verdicts: ["failed", "notConsulted"]
        ),
        LookupCase(
            label: "rule 2: a user folder that cannot be read stops the lookup",
            files: ["install/etc/ca.crt"],
            links: ["home/cerebro": "home/cerebro"],
            expectedError: {
                .folderUnreadable(
                    folder: $0 + "/home/cerebro",
                    reason: "too many levels of symbolic links"
                )
            },
            verdicts: ["failed", "notConsulted"]
        ),
        LookupCase(
            label: "rule 2: a user folder under a file (HOME=/dev/null) is absent",
            files: ["home", "install/etc/ca.crt"],
            expectedSet: ("install/etc", nil, true),
            verdicts: ["absent", "used"]
        ),
        LookupCase(
            label: "rule 2: a set is never assembled from two folders",
            files: ["home/cerebro/client.crt", "home/cerebro/client.key", "install/etc/ca.crt"],
            expectedSet: ("home/cerebro", .plain, false),
            verdicts: ["used", "notConsulted"]
        ),
        LookupCase(
            label: "rule 2: no folder holds anything: no set, no error",
            files: [],
            expectedSet: nil,
            verdicts: ["absent", "absent"]
        ),
        LookupCase(
            label: "rule 3: two certificates are two sets",
            files: [
                "p/client.crt", "p/client.key", "p/client.pg.crt", "p/client.pg.key", "p/ca.crt",
            ],
            presetFolder: "p",
            expectedError: {
                .twoSets(
                    folder: $0 + "/p",
                    files: ["client.crt", "client.key", "client.pg.crt", "client.pg.key"]
                )
            },
            verdicts: ["failed"]
        ),
        LookupCase(
            label: "rule 3: two keys are two sets",
            files: ["p/client.key", "p/client.pg.key"],
            presetFolder: "p",
            expectedError: { .twoSets(folder: $0 + "/p", files: ["client.key", "client.pg.key"]) },
            verdicts: ["failed"]
        ),
        LookupCase(
            label: "rule 3: a certificate of one naming and a key of the other are no pair",
            files: ["p/client.pg.crt", "p/client.key", "p/ca.crt"],
            presetFolder: "p",
            expectedError: {
                .mixedNamings(folder: $0 + "/p", files: ["client.key", "client.pg.crt"])
            },
            verdicts: ["failed"]
        ),
        LookupCase(
            label: "rule 2: a file where the user folder should be is skipped as such",
            files: ["home/cerebro", "install/etc/ca.crt"],
            expectedSet: ("install/etc", nil, true),
            verdicts: ["notAFolder", "used"]
        ),
        LookupCase(
            label: "rule 3: certificate without key",
            files: ["p/client.pg.crt", "p/ca.crt"],
            presetFolder: "p",
            expectedError: {
                .incompleteSet(
                    folder: $0 + "/p",
                    present: "client.pg.crt",
                    missing: "client.pg.key"
                )
            },
            verdicts: ["failed"]
        ),
        LookupCase(
            label: "rule 3: key without certificate",
            files: ["p/client.key"],
            presetFolder: "p",
            expectedError: {
                .incompleteSet(folder: $0 + "/p", present: "client.key", missing: "client.crt")
            },
            verdicts: ["failed"]
        ),
        LookupCase(
            label: "rule 3: other files are ignored and never picked",
            files: [
                "p/client.crt", "p/client.key", "p/postgresql.crt", "p/client.crt.bak",
                "p/root.crt",
            ],
            presetFolder: "p",
            expectedSet: ("p", .plain, false),
            verdicts: ["used"]
        ),
        LookupCase(
            label: "rule 4: only ca.crt is a set without a client identity",
            files: ["p/ca.crt"],
            presetFolder: "p",
            expectedSet: ("p", nil, true),
            verdicts: ["used"]
        ),
    ]

    @Test(arguments: cases)
    func lookupFollowsCerebroRules(_ row: LookupCase) throws {
        let scratch = TemporaryFolder()
        scratch.touch(row.files)
        for (link, target) in row.links {
            if let slash = link.lastIndex(of: "/") {
                scratch.makeFolder(String(link[..<slash]))
            }
            try FileManager.default.createSymbolicLink(
                atPath: "\(scratch.path)/\(link)",
                withDestinationPath: "\(scratch.path)/\(target)"
            )
        }
        var preset = Preset(name: "t", host: "h", user: "u")
        preset.certificateFolder = row.presetFolder.map {
            $0.hasPrefix("~") ? $0 : "\(scratch.path)/\($0)"
        }
        let lookup = CertificateLookup(
            environment: Environment([
                "HOME": scratch.path + "/home", "CEREBRO_HOME": scratch.path + "/install",
            ])
        )

        let trail = lookup.resolve(preset)

        #expect(trail.steps.map { Self.name($0.verdict) } == row.verdicts)
        if let expectedError = row.expectedError {
            #expect(trail.result == .failure(expectedError(scratch.path)))
        } else if let expected = row.expectedSet {
            let set = try #require(try trail.certificateSet())
            #expect(set.folder == "\(scratch.path)/\(expected.folder)")
            #expect(set.naming == expected.naming)
            #expect((set.authority != nil) == expected.hasCA)
            #expect(
                set.clientCertificate
                    == expected.naming.map { "\(set.folder)/\($0.certificateFile)" }
            )
            #expect(set.clientKey == expected.naming.map { "\(set.folder)/\($0.keyFile)" })
        } else {
            #expect(try trail.certificateSet() == nil)
        }
    }

    @Test func installFolderDefaultsToOptCerebro() {
        let lookup = CertificateLookup(environment: Environment(["HOME": "/home/u"]))
        #expect(lookup.userFolder == "/home/u/cerebro")
        #expect(lookup.installFolder == "/opt/cerebro/etc")
    }

    /// Field case 13: HOME=/nonexistent; the user folder is skipped and the install folder used.
    @Test func nonexistentHomeFallsBackToInstallFolder() throws {
        let scratch = TemporaryFolder()
        scratch.touch(["install/etc/client.crt", "install/etc/client.key", "install/etc/ca.crt"])
        let lookup = CertificateLookup(
            environment: Environment([
                "HOME": "/nonexistent", "CEREBRO_HOME": scratch.path + "/install",
            ])
        )

        let trail = lookup.resolve(
            Preset(name: "web", host: "db1.example.test", user: "app", sslRequired: true)
        )

        #expect(
            trail.steps.map(\.folder) == ["/nonexistent/cerebro", scratch.path + "/install/etc"]
        )
        #expect(trail.steps.map { Self.name($0.verdict) } == ["absent", "used"])
        let set = try #require(try trail.certificateSet())
        #expect(set.clientCertificate == scratch.path + "/install/etc/client.crt")
    }

    /// Field case 12: `~/…` in the preset folder expands to the home folder.
    @Test func tildeInPresetFolderExpands() throws {
        let scratch = TemporaryFolder()
        scratch.touch(["certs/prod/client.crt", "certs/prod/client.key", "certs/prod/ca.crt"])
        var preset = Preset(name: "prod", host: "db1.example.test", user: "app", sslRequired: true)
        preset.certificateFolder = "~/certs/prod"

        let trail = CertificateLookup(environment: Environment(["HOME": scratch.path])).resolve(
            preset
        )

        let set = try #require(try trail.certificateSet())
        #expect(set.clientCertificate == scratch.path + "/certs/prod/client.crt")
        #expect(set.authority == scratch.path + "/certs/prod/ca.crt")
    }

    static func name(_ verdict: LookupStep.Verdict) -> String {
        switch verdict {
        case .used: "used"
        case .absent: "absent"
        case .notAFolder: "notAFolder"
        case .empty: "empty"
        case .notConsulted: "notConsulted"
        case .failed: "failed"
        }
    }
}
