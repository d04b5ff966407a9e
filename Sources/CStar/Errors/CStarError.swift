import Foundation

/// Every failure the SDK reports, apart from `CancellationError` when the calling task is cancelled.
///
/// Mirrors the TypeScript SDK's error classes (`CStarValidationError`, `CStarNotFoundError`, …) as
/// one type with a ``Kind``; each carries what the server said about it, when known.
public struct CStarError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// 400 or 422: a parameter was missing or invalid (see ``param``).
        case validation
        /// 401.
        case authentication
        /// 403.
        case permission
        /// 404.
        case notFound
        /// 409.
        case conflict
        /// 429: see ``retryAfter``.
        case rateLimited
        /// 5xx.
        case server
        /// Any other status the SDK does not expect.
        case unexpectedStatus
        /// The request could not be sent or the connection failed.
        case network
        /// No complete answer within the configured timeout.
        case timeout
        /// A success answer whose body is not JSON at all: cut short, or a proxy's error page. Retried,
        /// like a network failure.
        case malformedResponse
        /// The answer was JSON, but not in the shape the SDK expects.
        case decoding
        /// A paginated list did not advance: a page repeated the previous one item for item, as from a
        /// server that ignores `offset`.
        case pagination
    }

    public var kind: Kind
    /// The request that failed, e.g. `GET http://127.0.0.1:4010/api/library/acme/articles?limit=100`.
    public var request: String
    public var message: String
    /// HTTP status, when a response arrived.
    public var status: Int?
    /// The error `type` from the response body, e.g. `invalid_request_error`.
    public var type: String?
    /// The error `code` from the response body, e.g. `parameter_missing`.
    public var code: String?
    /// The parameter a validation error names.
    public var param: String?
    public var requestID: String?
    public var docURL: String?
    /// How long the server asked the client to wait, for ``Kind/rateLimited`` (and a 503 with `Retry-After`).
    public var retryAfter: Duration?
    /// How many attempts were made, retries included.
    public var attempts: Int

    public init(
        kind: Kind, request: String, message: String, status: Int? = nil, type: String? = nil, code: String? = nil,
        param: String? = nil, requestID: String? = nil, docURL: String? = nil, retryAfter: Duration? = nil,
        attempts: Int = 1
    ) {
        self.kind = kind
        self.request = request
        self.message = message
        self.status = status
        self.type = type
        self.code = code
        self.param = param
        self.requestID = requestID
        self.docURL = docURL
        self.retryAfter = retryAfter
        self.attempts = attempts
    }

    public var description: String {
        var text = "\(request) failed"
        if let status { text += " with HTTP \(status)" }
        text += ": \(message)"
        var details: [String] = []
        if let code { details.append("code \(code)") }
        if let param { details.append("param \(param)") }
        if let requestID { details.append("request id \(requestID)") }
        if attempts > 1 { details.append("after \(attempts) attempts") }
        if !details.isEmpty { text += " (\(details.joined(separator: ", ")))" }
        return text
    }

    /// Whether retrying the same request may succeed: network failures, timeouts, malformed answers,
    /// 5xx and 429.
    public var isRetryable: Bool {
        switch kind {
        case .network, .timeout, .malformedResponse, .server, .rateLimited: true
        default: false
        }
    }

    /// The kind for an HTTP status that is not a success.
    public static func kind(forStatus status: Int) -> Kind {
        switch status {
        case 400, 422: .validation
        case 401: .authentication
        case 403: .permission
        case 404: .notFound
        case 409: .conflict
        case 429: .rateLimited
        case 500...599: .server
        default: .unexpectedStatus
        }
    }
}
