import CStar
import Foundation
import HTTPTypes
import Hummingbird

/// One answer of the emulated API, before it becomes an HTTP response.
struct APIResult: Sendable {
    var status: HTTPResponse.Status
    var body: JSONObject
    var headers: HTTPFields = [:]

    /// `{ success: true, data, meta }`, plus top-level `extra` keys such as `count`.
    static func success(_ data: JSONValue, extra: JSONObject = [:], requestID: String) -> APIResult {
        var body: JSONObject = ["success": true, "data": data, "meta": meta(requestID)]
        body.merge(extra) { _, new in new }
        return APIResult(status: .ok, body: body)
    }

    /// The contract's error envelope (§6.1).
    static func error(
        _ status: HTTPResponse.Status, type: String, code: String, message: String, param: String? = nil,
        requestID: String, extra: JSONObject = [:]
    ) -> APIResult {
        var error: JSONObject = [
            "type": .string(type), "code": .string(code), "message": .string(message),
            "doc_url": .string("https://www.cstar.help/developers/errors#\(code)"), "request_id": .string(requestID),
        ]
        error["param"] = param.map(JSONValue.string)
        error.merge(extra) { _, new in new }
        return APIResult(status: status, body: ["success": false, "error": .object(error), "meta": meta(requestID)])
    }

    static func notFound(_ message: String, requestID: String) -> APIResult {
        error(.notFound, type: "not_found_error", code: "resource_missing", message: message, requestID: requestID)
    }

    static func badParameter(
        _ param: String, _ message: String, code: String = "parameter_invalid", requestID: String
    ) -> APIResult {
        error(.badRequest, type: "invalid_request_error", code: code, message: message, param: param, requestID: requestID)
    }

    /// The error envelope the real API sends with `status` (§6.1, §6.2), for fault injection.
    static func injected(status: Int, requestID: String) -> APIResult {
        let (type, code, param): (String, String, String?) =
            switch status {
            case 400, 422: ("invalid_request_error", "parameter_invalid", "injected")
            case 401: ("authentication_error", "authentication_required", nil)
            case 403: ("authorization_error", "insufficient_permissions", nil)
            case 404: ("not_found_error", "resource_missing", nil)
            case 409: ("invalid_request_error", "conflict", nil)
            case 429: ("rate_limit_error", "rate_limit_exceeded", nil)
            default: ("api_error", "internal_error", nil)
            }
        return error(
            HTTPResponse.Status(code: status), type: type, code: code, message: "Injected HTTP \(status).", param: param,
            requestID: requestID)
    }

    /// The HTTP response; with `fault`, its body is damaged on purpose (see ``BodyFault``); with `bare`, a
    /// success carries its payload without the envelope, and a counted list as `{ results, totalCount }`.
    func response(requestID: String, fault: BodyFault? = nil, bare: Bool = false) -> Response {
        var value = JSONValue.object(body)
        if bare, body["success"] == true, let payload = body["data"] {
            value = body["count"].map { ["results": payload, "totalCount": $0] } ?? payload
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        var fields: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        fields[HTTPField.Name(APIHeader.requestID)!] = requestID
        fields.append(contentsOf: headers)
        switch fault {
        case .truncate:
            data = data.prefix(data.count / 2)
        case .malformed:
            data = Data("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n".utf8)
        case .drop:
            fields[.contentLength] = String(data.count)
            let half = ByteBuffer(bytes: data.prefix(data.count / 2))
            return Response(status: status, headers: fields, body: ResponseBody { writer in
                try await writer.write(half)
                throw ConnectionDropped()
            })
        case nil:
            break
        }
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func meta(_ requestID: String) -> JSONValue {
        ["requestId": .string(requestID), "timestamp": .string(ISODate.format(Date()))]
    }
}

extension Array where Element: APIObject {
    var jsonValue: JSONValue { .array(map { .object($0.json) }) }
}

/// Thrown while writing a body to close the connection half way (an injected fault).
struct ConnectionDropped: Error {}
