import Foundation

/// Counts the retries of one or more clients, by reason: pass ``record(_:)`` as
/// ``ClientConfiguration/onRetry``, read ``summary`` when done.
public final class RetryTally: @unchecked Sendable {
    private let lock = NSLock()
    private var reasons: [String: Int] = [:]
    private var requests = Set<String>()

    public init() {}

    public func record(_ event: RetryEvent) {
        lock.withLock {
            reasons[event.reason, default: 0] += 1
            requests.insert(event.request)
        }
    }

    /// How many retries were made.
    public var retries: Int { lock.withLock { reasons.values.reduce(0, +) } }

    /// How many retries each reason caused, most first (ties by name).
    public var byReason: [(reason: String, count: Int)] {
        lock.withLock { reasons.map { ($0.key, $0.value) } }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.reason < $1.reason }
    }

    /// E.g. `12 retries of 9 requests (7 × HTTP 500, 3 × timeout, 2 × HTTP 429)`; `nil` without retries.
    public var summary: String? {
        let counts = byReason
        let retries = counts.reduce(0) { $0 + $1.count }
        guard retries > 0 else { return nil }
        let requests = lock.withLock { self.requests.count }
        let reasons = counts.map { "\($0.count) × \($0.reason)" }.joined(separator: ", ")
        return "\(retries) \(retries == 1 ? "retry" : "retries") of \(requests) \(requests == 1 ? "request" : "requests") (\(reasons))"
    }
}
