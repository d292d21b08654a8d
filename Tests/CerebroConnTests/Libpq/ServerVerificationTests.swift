import Testing

@testable import CerebroConn

/// Who verified what, from the plan's mode and OpenSSL's verify result; and the peek's
/// parameters, which send no certificate and trust no CA.
@Suite struct ServerVerificationTests {
    static let set = CertificateSet(
        folder: "/s",
        role: .preset,
        naming: .plain,
        authority: "/s/ca.crt"
    )

    static func plan(_ level: VerificationLevel, ssl: Bool = true) throws -> ConnectionPlan {
        let preset = Preset(name: "p", host: "db", user: "u", sslRequired: ssl, verification: level)
        return try ConnectionPlan(
            preset: preset,
            certificateSet: set,
            supportedKeywords: ["sslcertmode"]
        )
    }

    static func session(code: Int, reason: String) -> TLSSessionFacts {
        TLSSessionFacts(
            serverCertificate: nil,
            clientCertificate: nil,
            verifyCode: code,
            verifyReason: reason
        )
    }

    @Test func verifyFullWithAGoodChainChecksEverything() throws {
        let verification = ServerVerification(
            plan: try Self.plan(.full),
            session: Self.session(code: 0, reason: "ok")
        )

        #expect(verification.isVerified)
        #expect(verification.authority == "/s/ca.crt")
        #expect(verification.isHostNameChecked)
        #expect(verification.openSSLResult == "ok")
    }

    @Test func verifyCAChecksTheChainOnly() throws {
        let verification = ServerVerification(
            plan: try Self.plan(.ca),
            session: Self.session(code: 0, reason: "ok")
        )

        #expect(verification.isVerified)
        #expect(!verification.isHostNameChecked)
    }

    @Test func requireAndPreferVerifyNothing() throws {
        let reason = "self-signed certificate in certificate chain"
        for plan in [try Self.plan(.none), try Self.plan(.full, ssl: false)] {
            let verification = ServerVerification(
                plan: plan,
                session: Self.session(code: 19, reason: reason)
            )

            #expect(!verification.isVerified)
            #expect(verification.authority == nil)
            #expect(!verification.isHostNameChecked)
            #expect(verification.openSSLResult == reason)
        }
    }

    @Test func withoutSSLNothingIsVerified() throws {
        let verification = ServerVerification(plan: try Self.plan(.full, ssl: false), session: nil)

        #expect(!verification.isVerified)
        #expect(verification.openSSLResult == nil)
    }

    @Test func peekSendsNoCertificateAndTrustsNoCA() throws {
        let parameters = ConnectionProbe.peekParameters(try Self.plan(.full), host: "10.0.0.9")

        let values = Dictionary(parameters.map { ($0.keyword, $0.value) }) { _, last in last }
        #expect(values["host"] == "10.0.0.9")
        #expect(values["sslmode"] == "require")
        #expect(values["sslcert"] == "/dev/null/cerebro-conn-none/client.crt")
        #expect(values["sslkey"] == "/dev/null/cerebro-conn-none/client.key")
        #expect(values["sslrootcert"] == "/dev/null/cerebro-conn-none/ca.crt")
        #expect(values["sslcertmode"] == "disable")
        #expect(values["sslpassword"] == nil)
    }
}
