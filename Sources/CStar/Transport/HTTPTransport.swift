import Foundation

/// Sends one HTTP request and returns the whole response. Bring your own to use another HTTP client.
///
/// Implementations should honour task cancellation; the SDK applies its own timeout and retries on top.
/// A `POST` is retried after a transport error only when it is a refused connection or an unknown host
/// (`URLError` `.cannotConnectToHost`, `.cannotFindHost`, `.dnsLookupFailed`, or `POSIXError(.ECONNREFUSED)`).
public protocol HTTPTransport: Sendable {
    func send(_ request: TransportRequest) async throws -> TransportResponse
}

public struct TransportRequest: Sendable, Hashable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data?
    /// The SDK's timeout for this attempt; transports may use it for their own deadline.
    public var timeout: Duration

    public init(method: String, url: URL, headers: [String: String] = [:], body: Data? = nil, timeout: Duration) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

public struct TransportResponse: Sendable, Hashable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A header value, looked up case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
