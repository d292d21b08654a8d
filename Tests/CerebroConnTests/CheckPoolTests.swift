import CerebroConn
import Dispatch
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The pool's promises: outputs in order, at most `width` at once, no job held up by another.
///
/// Jobs wait on semaphores, never on the clock.
struct CheckPoolTests {
    @Test func outputsComeBackInOrderWhateverOrderJobsFinishIn() {
        let count = 6
        // Job i may end only once the pool has reported job i + 1 finished: last to first.
        let gates = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        var finished: [Int] = []
        var ready: [Int] = []

        let outputs = CheckPool(width: count).run(
            count: count,
            { index in
                if index < count - 1 {
                    gates[index].wait()
                }
                return "job \(index)"
            },
            observe: { event in
                switch event {
                case .finished(let index):
                    finished.append(index)
                    if index > 0 {
                        gates[index - 1].signal()
                    }
                case .ready(let index, _):
                    ready.append(index)
                }
            }
        )

        #expect(outputs == (0..<count).map { "job \($0)" })
        #expect(finished == Array((0..<count).reversed()))
        #expect(ready == Array(0..<count))
    }

    @Test(arguments: [1, 2, 3, 16])
    func neverRunsMoreThanItsWidth(width: Int) {
        let running = Mutex((now: 0, most: 0))

        let outputs = CheckPool(width: width).run(count: 40) { index in
            running.withLock {
                $0.now += 1; $0.most = max($0.most, $0.now)
            }
            // Give the other workers a chance to start while this one counts as running.
            for _ in 0..<1000 { sched_yield() }
            running.withLock { $0.now -= 1 }
            return index
        }

        #expect(outputs == Array(0..<40))
        #expect(running.withLock { $0.most } <= width)
        #expect(running.withLock { $0.now } == 0)
    }

    @Test func aBlockedJobDoesNotHoldUpTheOthers() {
        let lastDone = DispatchSemaphore(value: 0)
        let wasReleased = Mutex(false)

        let outputs = CheckPool(width: 2).run(count: 5) { index in
            switch index {
            case 0:
                // Released only when job 4 has run: the other worker must do jobs 1 to 4
                // while this one waits. The bound only keeps a broken pool from hanging.
                let released = lastDone.wait(timeout: .now() + .seconds(30)) == .success
                wasReleased.withLock { $0 = released }
            case 4:
                lastDone.signal()
            default:
                break
            }
            return index
        }

        #expect(outputs == [0, 1, 2, 3, 4])
        #expect(wasReleased.withLock { $0 })
    }

    @Test func oneJobRunsOnTheCallingThread() {
        let caller = pthread_self()

        let outputs = CheckPool(width: 8).run(count: 1) { _ in pthread_equal(pthread_self(), caller)
        }

        #expect(outputs == [1])
    }

    @Test func noJobsMeansNoOutputs() {
        var events = 0
        let outputs = CheckPool().run(count: 0, { $0 }, observe: { _ in events += 1 })

        #expect(outputs.isEmpty)
        #expect(events == 0)
    }

    @Test(arguments: [(-3, 1), (0, 1), (1, 1), (16, 16), (256, 256), (100_000, 256)])
    func widthIsClampedToItsRange(asked: Int, used: Int) {
        #expect(CheckPool(width: asked).width == used)
    }

    @Test func defaultWidthIsSixteen() {
        #expect(CheckPool().width == 16)
    }
}
