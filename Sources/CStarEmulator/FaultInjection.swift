import Foundation

/// Failures the emulator injects on purpose, to exercise clients' retries and error handling.
///
/// Requests are counted from 1 across all routes; "every N" faults hit requests N, 2N, 3N, ….
public struct FaultInjection: Sendable, Hashable {
    /// Added before every answer.
    public var latency: Duration
    /// Every N-th request answers 500 `api_error`.
    public var serverErrorEvery: Int?
    /// Every N-th request answers 429 `rate_limit_error` with `Retry-After: retryAfterSeconds`.
    public var rateLimitEvery: Int?
    public var retryAfterSeconds: Int
    /// Every N-th request answers 503 `api_error` with `Retry-After: retryAfterSeconds`, unprocessed.
    public var unavailableEvery: Int?
    /// Every N-th request answers 200 with its JSON body cut in half.
    public var truncateEvery: Int?
    /// Every N-th request answers 200 with an HTML error page where JSON should be, as a misbehaving
    /// proxy would.
    public var malformedEvery: Int?
    /// Every N-th request announces its whole body, sends half of it and closes the connection.
    public var dropEvery: Int?
    /// Every N-th request is read and never answered: the connection stays open and silent.
    public var hangEvery: Int?
    /// Every request answers this HTTP status with the contract's error envelope (e.g. 401, 403, 409).
    public var errorStatus: Int?
    /// The most "every N" faults one request (same method and URI) gets; `nil` for no limit. With a
    /// limit below the client's retries, every request succeeds in the end, whatever the interleaving.
    public var faultsPerRequest: Int?

    public init(
        latency: Duration = .zero, serverErrorEvery: Int? = nil, rateLimitEvery: Int? = nil,
        retryAfterSeconds: Int = 1, truncateEvery: Int? = nil, malformedEvery: Int? = nil, dropEvery: Int? = nil,
        hangEvery: Int? = nil, errorStatus: Int? = nil, faultsPerRequest: Int? = nil, unavailableEvery: Int? = nil
    ) {
        self.latency = latency
        self.serverErrorEvery = serverErrorEvery
        self.rateLimitEvery = rateLimitEvery
        self.retryAfterSeconds = retryAfterSeconds
        self.truncateEvery = truncateEvery
        self.malformedEvery = malformedEvery
        self.dropEvery = dropEvery
        self.hangEvery = hangEvery
        self.errorStatus = errorStatus
        self.faultsPerRequest = faultsPerRequest
        self.unavailableEvery = unavailableEvery
    }

    public static let none = FaultInjection()

    /// The fault for request number `count`, if any.
    func fault(forRequest count: Int) -> Fault? {
        func hits(_ every: Int?) -> Bool { every.map { $0 > 0 && count % $0 == 0 } ?? false }
        if let errorStatus { return .status(errorStatus) }
        if hits(rateLimitEvery) { return .rateLimit }
        if hits(unavailableEvery) { return .unavailable }
        if hits(serverErrorEvery) { return .serverError }
        if hits(truncateEvery) { return .truncate }
        if hits(malformedEvery) { return .malformed }
        if hits(dropEvery) { return .drop }
        if hits(hangEvery) { return .hang }
        return nil
    }

    enum Fault: Equatable, CustomStringConvertible {
        case rateLimit, unavailable, serverError, truncate, malformed, drop, hang, status(Int)

        var description: String {
            switch self {
            case .rateLimit: "429"
            case .unavailable: "503"
            case .serverError: "500"
            case .truncate: "truncated"
            case .malformed: "malformed"
            case .drop: "dropped"
            case .hang: "hung"
            case .status(let status): String(status)
            }
        }
    }
}

/// Counts requests and records what clients sent to the write routes, for tests to assert on.
public final class EmulatorRecorder: @unchecked Sendable {
    /// One "was this helpful?" answer the emulator received.
    public struct Feedback: Sendable, Hashable {
        public var slug: String
        public var isHelpful: Bool
        public var text: String?

        public init(slug: String, isHelpful: Bool, text: String?) {
            self.slug = slug
            self.isHelpful = isHelpful
            self.text = text
        }
    }

    private let lock = NSLock()
    private var requestCount = 0
    private var _views: [String] = []
    private var _feedback: [Feedback] = []
    private var _received: [ReceivedRequest] = []
    private var faultsByRequest: [String: Int] = [:]

    public init() {}

    /// How many requests arrived.
    public var requests: Int { lock.withLock { requestCount } }
    /// The method and path with query of every request, in arrival order.
    public var requestLines: [String] { received.map(\.line) }
    /// Every request that reached the emulator, in arrival order, whatever it was answered.
    public var received: [ReceivedRequest] { lock.withLock { _received } }
    /// Slugs of the recorded article views, in arrival order.
    public var views: [String] { lock.withLock { _views } }
    public var feedback: [Feedback] { lock.withLock { _feedback } }

    func nextRequest(_ request: ReceivedRequest) -> Int {
        lock.withLock {
            requestCount += 1
            _received.append(request)
            return requestCount
        }
    }

    /// Counts one fault for `line`, unless it has had `limit` already; returns whether it may have it.
    func allowFault(for line: String, limit: Int?) -> Bool {
        guard let limit else { return true }
        return lock.withLock {
            guard faultsByRequest[line, default: 0] < limit else { return false }
            faultsByRequest[line, default: 0] += 1
            return true
        }
    }

    func recordView(_ slug: String) { lock.withLock { _views.append(slug) } }
    func recordFeedback(_ feedback: Feedback) { lock.withLock { _feedback.append(feedback) } }
}
