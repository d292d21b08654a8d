import Foundation
import Testing

@testable import CerebroConn

/// One row of the plan table: SSL flag × level × set shape → sslmode and the three paths.
struct PlanCase: Sendable, CustomTestStringConvertible {
    enum Shape: String, Sendable {
        case none = "no set"
        case caOnly = "ca only"
        case pairOnly = "client pair only"
        case full = "pair and ca"
    }

    var ssl: Bool
    var level: VerificationLevel
    var shape: Shape
    /// The expected sslmode, or nil when the plan must fail for a missing CA.
    var mode: SSLMode?
    var sendsClient: Bool
    var passesCA: Bool

    var testDescription: String {
        "ssl \(ssl ? "on" : "off"), \(level.rawValue), \(shape.rawValue)"
    }
}

struct ConnectionPlanTests {
    static let folder = "/certs/acme"
    static let absent = ConnectionPlan.absentFolder

    static let cases: [PlanCase] = {
        var rows: [PlanCase] = []
        for shape in [PlanCase.Shape.none, .caOnly, .pairOnly, .full] {
            let hasCA = shape == .caOnly || shape == .full
            let hasPair = shape == .pairOnly || shape == .full
            for level in VerificationLevel.allCases {
                // SSL off: prefer, never verifies, so the CA is never passed.
                rows.append(
                    PlanCase(
                        ssl: false,
                        level: level,
                        shape: shape,
                        mode: .prefer,
                        sendsClient: hasPair,
                        passesCA: false
                    )
                )
            }
            let full: SSLMode? = hasCA ? .verifyFull : nil
            let ca: SSLMode? = hasCA ? .verifyCA : nil
            rows.append(
                PlanCase(
                    ssl: true,
                    level: .full,
                    shape: shape,
                    mode: full,
                    sendsClient: hasPair,
                    passesCA: hasCA
                )
            )
            rows.append(
                PlanCase(
                    ssl: true,
                    level: .ca,
                    shape: shape,
                    mode: ca,
                    sendsClient: hasPair,
                    passesCA: hasCA
                )
            )
            rows.append(
                PlanCase(
                    ssl: true,
                    level: .none,
                    shape: shape,
                    mode: .require,
                    sendsClient: hasPair,
                    passesCA: false
                )
            )
        }
        return rows
    }()

    @Test(arguments: cases)
    func planFollowsTheTable(_ row: PlanCase) throws {
        let preset = Preset(
            name: "acme",
            host: "db.acme.example",
            user: "u",
            sslRequired: row.ssl,
            verification: row.level
        )
        let set = Self.set(row.shape)

        guard let mode = row.mode else {
            #expect(throws: PlanError.missingAuthority(level: row.level, folder: set?.folder)) {
                try ConnectionPlan(preset: preset, certificateSet: set)
            }
            return
        }
        let plan = try ConnectionPlan(preset: preset, certificateSet: set)

        #expect(plan.sslMode == mode)
        #expect(plan.value(of: "sslmode") == mode.rawValue)
        #expect(
            plan.value(of: "sslcert")
                == (row.sendsClient ? "\(Self.folder)/client.crt" : "\(Self.absent)/client.crt")
        )
        #expect(
            plan.value(of: "sslkey")
                == (row.sendsClient ? "\(Self.folder)/client.key" : "\(Self.absent)/client.key")
        )
        #expect(
            plan.value(of: "sslrootcert")
                == (row.passesCA ? "\(Self.folder)/ca.crt" : "\(Self.absent)/ca.crt")
        )
        #expect(plan.checksHostName == (mode == .verifyFull))
    }

    @Test func everyAmbientKeywordIsPinned() throws {
        let plan = try ConnectionPlan(
            preset: Preset(name: "a", host: "h", user: "u"),
            certificateSet: nil
        )
        let keywords = Set(plan.parameters.map(\.keyword))
        let pinned: Set = [
            "sslmode", "sslcert", "sslkey", "sslrootcert", "sslcrl", "sslcrldir", "sslsni",
            "ssl_min_protocol_version", "ssl_max_protocol_version", "gssencmode", "connect_timeout",
            "sslcompression", "channel_binding", "target_session_attrs", "host", "port", "dbname",
            "user",
        ]
        #expect(pinned.isSubset(of: keywords))
        #expect(!keywords.contains("password"))
        #expect(!keywords.contains("sslpassword"))
        #expect(plan.parameters.allSatisfy { !$0.value.hasPrefix("~") })
    }

    @Test func newerKeywordsOnlyWhenThisLibpqListsThem() throws {
        let preset = Preset(name: "a", host: "h", user: "u", sslRequired: true, verification: .none)
        let old = try ConnectionPlan(
            preset: preset,
            certificateSet: nil,
            supportedKeywords: ["sslmode"]
        )
        let new = try ConnectionPlan(
            preset: preset,
            certificateSet: nil,
            supportedKeywords: [
                "sslcertmode", "sslnegotiation", "krbsrvname", "load_balance_hosts",
            ]
        )

        #expect(old.value(of: "sslcertmode") == nil)
        #expect(old.value(of: "krbsrvname") == nil)
        #expect(old.value(of: "load_balance_hosts") == nil)
        #expect(new.value(of: "sslcertmode") == "disable")
        #expect(new.value(of: "sslnegotiation") == "postgres")
        #expect(new.value(of: "krbsrvname") == "postgres")
        #expect(new.value(of: "load_balance_hosts") == "disable")
    }

    /// libpq ignores sslmode on a Unix socket (libpq-notes 1.1): a preset that requires SSL
    /// with a socket folder among its hosts gets no plan, whatever its level.
    @Test(arguments: VerificationLevel.allCases)
    func sslOverASocketFolderHasNoPlan(_ level: VerificationLevel) throws {
        let socket = "/var/run/postgresql"
        let preset = Preset(
            name: "sock",
            host: "db.acme.example,\(socket)",
            user: "u",
            sslRequired: true,
            verification: level
        )

        #expect(throws: PlanError.sslOverSocket(preset: "sock", folder: socket)) {
            try ConnectionPlan(preset: preset, certificateSet: Self.set(.full))
        }
        var plain = preset
        plain.sslRequired = false
        let plan = try ConnectionPlan(preset: plain, certificateSet: Self.set(.full))
        #expect(plan.sslMode == .prefer)
        #expect(plan.value(of: "host") == "db.acme.example,\(socket)")
    }

    /// The absent paths really cannot exist: /dev/null is not a folder.
    @Test func absentPathsCannotExist() {
        #expect(!FileManagerProbe.exists(ConnectionPlan.absentFolder + "/client.crt"))
    }

    /// Field case 14: a space in the folder is quoted in conninfo, kept literal in the plan.
    @Test func spaceInCertificatePathIsQuoted() throws {
        let folder = "/Users/u/Library/Application Support/cerebro/mac"
        let set = CertificateSet(
            folder: folder,
            role: .preset,
            naming: .plain,
            authority: folder + "/ca.crt"
        )
        let preset = Preset(
            name: "mac",
            host: "db1.example.test",
            database: "appdb",
            user: "app",
            sslRequired: true
        )

        let plan = try ConnectionPlan(preset: preset, certificateSet: set)

        #expect(plan.value(of: "sslcert") == folder + "/client.crt")
        #expect(plan.conninfo.contains("sslcert='\(folder)/client.crt'"))
        #expect(plan.conninfo.contains("sslkey='\(folder)/client.key'"))
        #expect(plan.conninfo.contains("sslrootcert='\(folder)/ca.crt'"))
    }

    /// Field case 18: quotes and backslashes are escaped; an injected keyword stays one value.
    @Test func quotesAndBackslashesAreEscaped() throws {
        let preset = Preset(
            name: "odd",
            host: "db1.example.test",
            database: "app\\db",
            user: "team'ops"
        )
        let plan = try ConnectionPlan(preset: preset, certificateSet: nil)

        #expect(plan.conninfo.contains("dbname='app\\\\db'"))
        #expect(plan.conninfo.contains("user='team\\'ops'"))
        #expect(ConnectionPlan.quote("") == "''")
        #expect(ConnectionPlan.quote("p@ss word\\x") == "'p@ss word\\\\x'")
        #expect(ConnectionPlan.quote("db1 sslmode=disable") == "'db1 sslmode=disable'")
    }

    static func set(_ shape: PlanCase.Shape) -> CertificateSet? {
        switch shape {
        case .none: nil
        case .caOnly:
            CertificateSet(
                folder: folder,
                role: .preset,
                naming: nil,
                authority: folder + "/ca.crt"
            )
        case .pairOnly:
            CertificateSet(folder: folder, role: .preset, naming: .plain, authority: nil)
        case .full:
            CertificateSet(
                folder: folder,
                role: .preset,
                naming: .plain,
                authority: folder + "/ca.crt"
            )
        }
    }
}

enum FileManagerProbe {
    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}
