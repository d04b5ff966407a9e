import Foundation
import Synchronization

/// CPU-bound work over a large collection, split into contiguous parts run on all cores.
enum ParallelParts {
    /// `body`'s results for `0..<count` in parts (`partsPerCore` per core; one part below `threshold`
    /// items), concatenated in order: the same as `body(0..<count)`.
    static func map<Result: Sendable>(
        _ count: Int, threshold: Int = 2_000, partsPerCore: Int = 1, _ body: @Sendable (Range<Int>) -> [Result]
    ) -> [Result] {
        let parts = count < threshold ? 1 : max(1, ProcessInfo.processInfo.activeProcessorCount * partsPerCore)
        let size = (count + parts - 1) / parts
        let results = Mutex([[Result]](repeating: [], count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let found = body(min(count, part * size)..<min(count, (part + 1) * size))
            results.withLock { $0[part] = found }
        }
        return results.withLock { $0.flatMap { $0 } }
    }
}
