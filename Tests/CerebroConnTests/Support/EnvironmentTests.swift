import CerebroConn
import Foundation
import Testing

/// The process environment as `Environment.current` reads it.
@Suite struct EnvironmentTests {
    @Test func currentReadsWhatProcessInfoReads() {
        #expect(Environment.current.variables == ProcessInfo.processInfo.environment)
    }
}
