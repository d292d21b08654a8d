import Testing

@testable import CerebroConn

/// The time left before a deadline, as the milliseconds one `poll` waits.
struct PollTimeoutTests {
    @Test(
        arguments: [
            (.zero, 0),
            (.nanoseconds(1), 1),
            (.microseconds(999), 1),
            (.milliseconds(1), 1),
            (.microseconds(1001), 2),
            (.milliseconds(999) + .nanoseconds(1), 1000),
            (.seconds(1), 1000),
            (.milliseconds(1500), 1500),
            (.seconds(2) - .nanoseconds(1), 2000),
            (.seconds(3600), 3_600_000),
            (.milliseconds(-5), 0),
            (.seconds(Int64.max), Int32.max),
        ] as [(Duration, Int32)]
    )
    func roundsUpToWholeMilliseconds(left: Duration, milliseconds: Int32) {
        #expect(LibpqConnection.pollTimeout(left) == milliseconds)
    }
}
