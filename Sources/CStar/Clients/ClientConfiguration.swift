import Foundation

/// Settings shared by ``LibraryClient`` and ``CommunityClient``.
public struct ClientConfiguration: Sendable {
    /// The default base URL of the cStar public API.
    public static let defaultBaseURL = URL(string: "https://www.cstar.help")!

    /// How long one attempt may take before it counts as a timeout.
    public var timeout: Duration
    public var retry: RetryPolicy
    public var transport: any HTTPTransport
    /// Headers sent with every request.
    public var headers: [String: String]
    /// The API version sent as the `CStar-Version` header, e.g. `"2026-03-01"`; `nil` sends none, and the
    /// server answers as its latest version.
    public var apiVersion: String?
    /// Called before every retry with what failed and how long the client will wait, e.g. to log retries
    /// or count them with a ``RetryTally``.
    public var onRetry: (@Sendable (RetryEvent) -> Void)?
    /// Waits between attempts; tests inject one that records the delays and returns at once.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// The current time, used to read a `Retry-After` given as an HTTP date.
    public var now: @Sendable () -> Date
    /// A random number in `0..<1`, used for backoff jitter.
    public var random: @Sendable () -> Double

    public init(
        timeout: Duration = .seconds(30),
        retry: RetryPolicy = RetryPolicy(),
        transport: any HTTPTransport = URLSessionTransport(),
        headers: [String: String] = [:],
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        now: @escaping @Sendable () -> Date = { Date() },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        apiVersion: String? = nil, onRetry: (@Sendable (RetryEvent) -> Void)? = nil
    ) {
        self.timeout = timeout
        self.retry = retry
        self.transport = transport
        self.headers = headers
        self.sleep = sleep
        self.now = now
        self.random = random
        self.apiVersion = apiVersion
        self.onRetry = onRetry
    }
}

/// When and how long to wait before trying a failed request again.
///
/// Network errors, timeouts, malformed answers and 5xx are retried after an exponential backoff (500 ms,
/// 1 s, 2 s, 4 s, capped) plus jitter; a 429, and a 503 with `Retry-After`, after the wait the server asks
/// for. A `POST` (record a view, send feedback) is retried only when it cannot have reached the server: a
/// refused connection, a 429, or a 503 with `Retry-After`.
public struct RetryPolicy: Sendable, Hashable {
    /// Retries after the first attempt.
    public var maxRetries: Int
    public var initialBackoff: Duration
    public var maxBackoff: Duration
    public var maxJitter: Duration
    /// The wait on a 429 that names none.
    public var defaultRetryAfter: Duration
    /// A 429 asking for a longer wait than this fails at once instead of waiting.
    public var maxRetryAfter: Duration

    public init(
        maxRetries: Int = 3, initialBackoff: Duration = .milliseconds(500), maxBackoff: Duration = .seconds(8),
        maxJitter: Duration = .milliseconds(200), defaultRetryAfter: Duration = .seconds(60),
        maxRetryAfter: Duration = .seconds(120)
    ) {
        self.maxRetries = maxRetries
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxJitter = maxJitter
        self.defaultRetryAfter = defaultRetryAfter
        self.maxRetryAfter = maxRetryAfter
    }

    /// No retries at all.
    public static let none = RetryPolicy(maxRetries: 0)

    /// The backoff before retry number `retry` (0 for the first retry), `random` in `0..<1`.
    public func backoff(retry: Int, random: Double) -> Duration {
        let exponential = initialBackoff * (1 << min(retry, 30))
        return min(exponential, maxBackoff) + maxJitter * random
    }
}
