import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Builds requests from the route table and sends them with timeout, retries and typed errors.
struct RequestExecutor: Sendable {
    let baseURL: URL
    let team: String
    let configuration: ClientConfiguration

    static let userAgent = "helpcenter-cstar-swift/0.1"

    /// Sends `route` and returns what `read` makes of the successful response, or throws ``CStarError`` /
    /// `CancellationError`. A ``CStarError`` thrown by `read` is retried when it is retryable.
    ///
    /// A request that is not a `GET` is retried only when it cannot have reached the server (a refused
    /// connection, a 429, a 503 with `Retry-After`): the server may already have counted it otherwise.
    func send<T>(
        _ route: APIRoute, slug: String? = nil, query: [(String, String)] = [], body: JSONObject? = nil,
        read: (TransportResponse, _ label: String) throws -> T
    ) async throws -> T {
        let request = try makeRequest(route, slug: slug, query: query, body: body)
        let label = Self.label(request)
        let policy = configuration.retry
        let repeatable = request.method == "GET"
        var attempt = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            var failure: CStarError
            var notReceived = false
            do {
                let response = try await withTimeout(configuration.timeout) {
                    try await configuration.transport.send(request)
                }
                if (200..<300).contains(response.status) { return try read(response, label) }
                failure = ErrorResponse.error(
                    from: response, request: label, now: configuration.now(), defaultRetryAfter: policy.defaultRetryAfter)
                notReceived = failure.kind == .rateLimited || (response.status == 503 && failure.retryAfter != nil)
            } catch let error as CStarError {
                failure = error
            } catch {
                if Task.isCancelled || error is CancellationError { throw CancellationError() }
                failure = Self.transportError(error, request: label, timeout: configuration.timeout)
                notReceived = Self.neverConnected(error)
            }
            failure.attempts = attempt
            guard failure.isRetryable, repeatable || notReceived, attempt <= policy.maxRetries else { throw failure }
            let delay: Duration
            if let wait = failure.retryAfter {
                guard wait <= policy.maxRetryAfter else {
                    if !failure.message.hasSuffix(".") { failure.message += "." }
                    failure.message += " The server asked to wait \(Self.seconds(wait)) before trying again, more than "
                        + "this client's limit of \(Self.seconds(policy.maxRetryAfter)) (RetryPolicy.maxRetryAfter)."
                    throw failure
                }
                delay = wait
            } else {
                delay = policy.backoff(retry: attempt - 1, random: configuration.random())
            }
            configuration.onRetry?(RetryEvent(request: label, attempt: attempt, error: failure, delay: delay))
            try await configuration.sleep(delay)
        }
    }

    /// Sends `route` and ignores the body of the successful response.
    func send(_ route: APIRoute, slug: String? = nil, body: JSONObject? = nil) async throws {
        try await send(route, slug: slug, body: body) { _, _ in }
    }

    /// Sends `route` and decodes the payload (the `data` of the envelope, or the whole body) as `T`.
    func fetch<T: Decodable>(
        _ type: T.Type, _ route: APIRoute, slug: String? = nil, query: [(String, String)] = []
    ) async throws -> T {
        try await send(route, slug: slug, query: query) { response, label in
            try Self.decode(T.self, from: response, label: label)
        }
    }

    /// Decodes `response`; a body that is not JSON at all is a ``CStarError/Kind/malformedResponse``.
    static func decode<T: Decodable>(_ type: T.Type, from response: TransportResponse, label: String) throws -> T {
        do {
            if T.self is any DecodesWholeBody.Type { return try JSONDecoder().decode(T.self, from: response.body) }
            return try JSONDecoder().decode(Payload<T>.self, from: response.body).value
        } catch {
            if (try? JSONValue(parsing: response.body)) == nil {
                let start = String(decoding: response.body.prefix(40), as: UTF8.self)
                throw CStarError(
                    kind: .malformedResponse, request: label,
                    message: "the body is not JSON (\(response.body.count) bytes, starting \(start.debugDescription))",
                    status: response.status)
            }
            throw CStarError(
                kind: .decoding, request: label, message: DecodingErrorDescription.describe(error), status: response.status)
        }
    }

    func makeRequest(
        _ route: APIRoute, slug: String?, query: [(String, String)], body: JSONObject?
    ) throws -> TransportRequest {
        var text = baseURL.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        text += route.path(team: team, slug: slug)
        if !query.isEmpty {
            text += "?" + query.map { "\(Self.encodeQuery($0.0))=\(Self.encodeQuery($0.1))" }.joined(separator: "&")
        }
        guard let url = URL(string: text) else {
            throw CStarError(kind: .validation, request: "\(route.method) \(text)", message: "invalid URL")
        }
        var headers = configuration.headers
        if let version = configuration.apiVersion { headers[APIHeader.version] = version }
        headers["Accept"] = "application/json"
        headers["User-Agent"] = headers["User-Agent"] ?? Self.userAgent
        var data: Data?
        if let body {
            headers["Content-Type"] = "application/json"
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            data = try encoder.encode(body)
        }
        return TransportRequest(method: route.method, url: url, headers: headers, body: data, timeout: configuration.timeout)
    }

    private static func encodeQuery(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .unreservedURLCharacters) ?? text
    }

    /// The query of the parameters that have a value, in order.
    static func query(_ parameters: (String, String?)...) -> [(String, String)] {
        parameters.compactMap { name, value in value.map { (name, $0) } }
    }

    /// `GET https://…/path?query`: how errors and retry events name a request.
    static func label(_ request: TransportRequest) -> String {
        "\(request.method) \(request.url.absoluteString)"
    }

    /// The label of `route` with `query`, for errors raised outside a request.
    func label(_ route: APIRoute, query: [(String, String)]) -> String {
        (try? makeRequest(route, slug: nil, query: query, body: nil)).map(Self.label) ?? "\(route.method) \(route.pathTemplate)"
    }

    /// Whether the transport failed before any byte can have reached the server: the connection was
    /// refused, or the host not found.
    static func neverConnected(_ error: any Error) -> Bool {
        if let code = (error as? URLError)?.code {
            return [.cannotConnectToHost, .cannotFindHost, .dnsLookupFailed].contains(code)
        }
        return (error as? POSIXError)?.code == .ECONNREFUSED
    }

    /// `2.5 s`, `600 s`.
    static func seconds(_ duration: Duration) -> String {
        let seconds = duration.inSeconds
        return seconds == seconds.rounded() ? "\(Int64(seconds)) s" : String(format: "%.3g s", seconds)
    }

    static func transportError(_ error: any Error, request: String, timeout: Duration) -> CStarError {
        if error is TimeoutError || (error as? URLError)?.code == .timedOut {
            return CStarError(kind: .timeout, request: request, message: "no response within \(timeout)")
        }
        return CStarError(kind: .network, request: request, message: "\(error.localizedDescription)")
    }
}

/// Thrown when an attempt takes longer than the configured timeout.
struct TimeoutError: Error {}

/// Runs `operation`, failing with ``TimeoutError`` if it has not finished after `duration`.
func withTimeout<T: Sendable>(
    _ duration: Duration, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: duration)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else { throw TimeoutError() }
        return value
    }
}
