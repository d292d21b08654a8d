import Dispatch
import Synchronization

/// Runs blocking jobs, such as connection checks, on at most `width` dedicated threads, and
/// hands the results back on the calling thread in the order the jobs were given.
///
/// Each worker is a serial dispatch queue of its own. Such queues run on libdispatch's
/// overcommitting threads, so a worker blocked in `poll()` never holds up another one. Swift
/// concurrency's cooperative pool has one thread per core, and `DispatchQueue.global()` adds
/// threads beyond that only slowly: on a two-core machine, two silent servers would stall every
/// other check.
public struct CheckPool: Sendable {
    /// What happened since the caller last heard from the pool.
    public enum Event<Output: Sendable>: Sendable {
        /// Job `index` finished; jobs finish in any order.
        case finished(index: Int)
        /// Job `index`'s output, delivered strictly in the order the jobs were given.
        case ready(index: Int, output: Output)
    }

    /// The default width: enough to wait on many networks at once, far below any file limit.
    public static let defaultWidth = 16

    /// The widths the pool accepts.
    public static let widthRange = 1...256

    /// At most this many jobs run at once.
    public let width: Int

    /// A pool running at most `width` jobs at once; `width` is clamped to `widthRange`.
    public init(width: Int = CheckPool.defaultWidth) {
        self.width = min(max(width, Self.widthRange.lowerBound), Self.widthRange.upperBound)
    }

    /// Runs `job` once for every index in `0..<count` and returns the outputs in index order.
    ///
    /// `observe` is called on the calling thread only, never concurrently: once with
    /// `.finished` as each job ends, and with `.ready` as soon as a job and all jobs before it
    /// have ended. The call returns after the last `.ready`. With one job, or a width of one,
    /// the jobs run on the calling thread and no thread is started.
    public func run<Output: Sendable>(
        count: Int,
        _ job: @escaping @Sendable (Int) -> Output,
        observe: (Event<Output>) -> Void = { _ in }
    ) -> [Output] {
        let workers = min(width, count)
        guard workers > 1 else {
            return runHere(count: count, job, observe: observe)
        }

        let board = Board<Output>()
        for worker in 0..<workers {
            DispatchQueue(label: "cerebro-conn.check-pool.\(worker)").async {
                board.work(count: count, job)
            }
        }

        var outputs: [Output?] = Array(repeating: nil, count: count)
        var delivered = 0
        while delivered < count {
            for (index, output) in board.waitForFinished() {
                outputs[index] = output
                observe(.finished(index: index))
            }
            while delivered < count, let output = outputs[delivered] {
                observe(.ready(index: delivered, output: output))
                delivered += 1
            }
        }
        return outputs.compactMap { $0 }
    }

    private func runHere<Output: Sendable>(
        count: Int,
        _ job: (Int) -> Output,
        observe: (Event<Output>) -> Void
    ) -> [Output] {
        (0..<count).map { index in
            let output = job(index)
            observe(.finished(index: index))
            observe(.ready(index: index, output: output))
            return output
        }
    }
}

/// The state the workers and the caller share: the next job to take and the finished outputs
/// the caller has not collected yet.
private final class Board<Output: Sendable>: Sendable {
    private let nextJob = Atomic<Int>(0)
    private let finished = Mutex<[(Int, Output)]>([])
    private let signal = DispatchSemaphore(value: 0)

    /// Takes jobs until none is left; runs on a worker thread.
    func work(count: Int, _ job: @Sendable (Int) -> Output) {
        while true {
            let index = nextJob.add(1, ordering: .relaxed).oldValue
            guard index < count else {
                return
            }
            let output = job(index)

            finished.withLock { $0.append((index, output)) }
            signal.signal()
        }
    }

    /// Blocks until at least one job has finished, and takes every finished output.
    func waitForFinished() -> [(Int, Output)] {
        signal.wait()
        let taken = finished.withLock { outputs in
            defer { outputs.removeAll() }
            return outputs
        }
        // Each finished job signalled once; consume the signals of the ones taken here too, so
        // that a later wait blocks only for jobs not yet collected.
        for _ in 0..<max(taken.count - 1, 0) {
            signal.wait()
        }
        return taken
    }
}
