import Foundation

/// Reads a failed response into a ``CStarError``, from the error envelope when there is one
/// (`{ "success": false, "error": { type, code, message, param, doc_url, request_id } }`) and from the
/// status and headers otherwise.
enum ErrorResponse {
    static func error(
        from response: TransportResponse, request: String, now: Date, defaultRetryAfter: Duration
    ) -> CStarError {
        let root = (try? JSONDecoder().decode(JSONValue.self, from: response.body))?.objectValue ?? [:]
        let body = root["error"]?.objectValue ?? [:]
        let kind = CStarError.kind(forStatus: response.status)
        let message =
            body.string(JSONField("message")) ?? body.string(JSONField("code"))
            ?? "HTTP status \(response.status)"
        var error = CStarError(
            kind: kind, request: request, message: message, status: response.status,
            type: body.string(JSONField("type")), code: body.string(JSONField("code")),
            param: body.string(JSONField("param")),
            requestID: body.string(JSONField("request_id", "requestId"))
                ?? root.object(JSONField("meta"))?.string(JSONField("requestId", "request_id"))
                ?? response.header(APIHeader.requestID),
            docURL: body.string(JSONField("doc_url", "docUrl"))
        )
        let headerWait = response.header(APIHeader.retryAfter).flatMap { retryAfter(header: $0, now: now) }
        if kind == .rateLimited {
            let bodySeconds = (body.value(JSONField("retryAfter", "retry_after")) ?? root.value(JSONField("retryAfter")))
                .flatMap(\.intValue)
            error.retryAfter = headerWait ?? bodySeconds.map { .seconds(max(0, $0)) } ?? defaultRetryAfter
        } else if response.status == 503 {
            error.retryAfter = headerWait
        }
        return error
    }

    /// `Retry-After` as delay-seconds or as an HTTP date.
    static func retryAfter(header: String, now: Date) -> Duration? {
        let text = header.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(text), seconds >= 0 { return .milliseconds(Int64(seconds * 1000)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE',' dd MMM yyyy HH':'mm':'ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        return .milliseconds(Int64(max(0, date.timeIntervalSince(now)) * 1000))
    }
}
