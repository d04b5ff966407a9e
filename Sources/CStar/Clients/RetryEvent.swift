import Foundation

/// One retry the client is about to make, as passed to ``ClientConfiguration/onRetry``.
public struct RetryEvent: Sendable, Hashable {
    /// The request, e.g. `GET http://127.0.0.1:4010/api/library/acme/categories`.
    public var request: String
    /// The attempt that failed, counted from 1.
    public var attempt: Int
    /// Why it failed.
    public var error: CStarError
    /// The wait before the next attempt.
    public var delay: Duration

    public init(request: String, attempt: Int, error: CStarError, delay: Duration) {
        self.request = request
        self.attempt = attempt
        self.error = error
        self.delay = delay
    }

    /// A short name of the failure: `HTTP 500`, `HTTP 429`, `timeout`, `network error` or `malformed answer`.
    public var reason: String {
        switch error.kind {
        case .timeout: "timeout"
        case .network: "network error"
        case .malformedResponse: "malformed answer"
        default: error.status.map { "HTTP \($0)" } ?? error.kind.rawValue
        }
    }
}
