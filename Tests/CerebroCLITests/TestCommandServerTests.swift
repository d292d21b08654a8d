import CerebroCLI
import CerebroConn
import Foundation
import Testing

/// `test` over several presets against the real SSL server, beside a silent loopback listener.
///
/// The server is the one `scripts/test` starts. Outcomes are asserted, never elapsed times.
struct TestCommandServerTests {
    let scratch = Scratch()

    func run(_ arguments: [String]) -> ToolOutput {
        ToolHarness.run(arguments, environment: scratch.environment)
    }

    func add(_ arguments: [String]) {
        let added = run(arguments)
        #expect(added.status == 0, "\(arguments): \(added.err)")
    }

    func addSilent(_ name: String, _ listener: SilentListener) {
        add(["add", name, "--host", "127.0.0.1", "--port", String(listener.port)])
    }

    @Test func aSilentServerDoesNotStopAGoodOneFromBeingAccepted() throws {
        let server = try ServerFixture.fromEnvironment()
        let listener = try SilentListener()
        addSilent("silent", listener)
        add(server.addArguments("good", set: "good"))

        // The silent preset keeps its default time-out of 10 s; '--timeout 1' overrides it.
        let result = run(["test", "silent", "good", "--timeout", "1"])

        #expect(result.status == 2)
        #expect(result.out.hasPrefix("silent: no response\ngood: accepted\n"))
        #expect(result.out.contains("  tls       TLSv1."))
        #expect(result.err.contains("silent: 127.0.0.1:"))
        #expect(result.err.contains("accepted the TCP connection but did not answer within 1 s"))
        #expect(result.err.hasSuffix(" s: 1 accepted, 1 no response\n"))
    }

    @Test func sixteenSilentServersAndAGoodOneInOneJSONArray() throws {
        let server = try ServerFixture.fromEnvironment()
        let listener = try SilentListener()
        let silent = (1...16).map { String(format: "silent-%02d", $0) }
        for name in silent {
            addSilent(name, listener)
        }
        add(server.addArguments("good", set: "good"))

        let result = run(["test", "--all", "--timeout", "1", "--json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(result.out.utf8))
        let objects = try #require(parsed as? [[String: Any]])

        #expect(result.status == 2)
        #expect(objects.map { $0["name"] as? String } == ["good"] + silent)
        #expect(objects.first?["status"] as? String == "accepted")
        #expect(objects.first?["tls_protocol"] as? String != nil)
        for object in objects.dropFirst() {
            #expect(object["status"] as? String == "no response")
            #expect(object["exit_code"] as? Int == 2)
            #expect((object["error"] as? String)?.contains("within 1 s") == true)
        }
    }

    @Test func resultsFollowTheOrderAskedWithEveryKindOfOutcome() throws {
        let server = try ServerFixture.fromEnvironment()
        let listener = try SilentListener()
        for set in ["rogue", "good", "ca-only", "good-pg"] {
            add(server.addArguments(set, set: set))
        }
        addSilent("silent", listener)

        let result = run([
            "test", "rogue", "silent", "good", "ca-only", "good-pg", "--timeout", "1",
        ])
        let verdicts = result.out.split(separator: "\n").filter { !$0.hasPrefix(" ") }

        #expect(
            verdicts == [
                "rogue: rejected", "silent: no response", "good: accepted", "ca-only: rejected",
                "good-pg: accepted",
            ]
        )
        #expect(result.status == 2)
    }

    @Test func worstStatusWinsAcrossRealOutcomes() throws {
        let server = try ServerFixture.fromEnvironment()
        for set in ["good", "good-pg", "rogue", "expired"] {
            add(server.addArguments(set, set: set))
        }

        #expect(run(["test", "good", "good-pg"]).status == 0)
        #expect(run(["test", "good", "rogue"]).status == 1)
        #expect(run(["test", "expired", "good", "--jobs", "1"]).status == 3)
        #expect(run(["test", "good", "rogue", "expired"]).status == 3)
    }
}
