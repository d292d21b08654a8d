import Testing

@testable import CerebroConn

/// libpq looks up a host name inside `PQconnectStartParams` and fails there, as it does for
/// bad parameters; a name that does not resolve is still "no response", as `pg_isready` has it.
struct UnknownHostProbeTests {
    @Test func aNameThatDoesNotResolveIsNoResponseAndTheNextHostIsTried() throws {
        let preset = Preset(
            name: "nohost",
            host: "no-such-host.invalid,also-not.invalid",
            user: "u",
            connectTimeout: 2
        )
        let plan = try ConnectionPlan(preset: preset, certificateSet: nil)

        guard case .failure(let failure) = ConnectionProbe.run(plan) else {
            Issue.record("a host that does not resolve was connected to")
            return
        }

        #expect(failure.kind == .noResponse)
        #expect(failure.attempts.map(\.host) == ["no-such-host.invalid", "also-not.invalid"])
        #expect(failure.host == "also-not.invalid")
        // The reason after the colon is the resolver's, which differs without DNS.
        #expect(
            failure.attempts.first?.message.hasPrefix(
                #"could not translate host name "no-such-host.invalid" to address: "#
            ) == true
        )
        #expect(FailureCause.recognise(failure) == .unknownHost)
    }
}
