import CStar
import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle

/// Counts and logs every request (one line each) and injects the configured faults.
struct EmulatorMiddleware: RouterMiddleware {
    let faults: FaultInjection
    let recorder: EmulatorRecorder
    let log: @Sendable (String) -> Void

    func handle(
        _ request: Request, context: EmulatorContext, next: (Request, EmulatorContext) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let received = ReceivedRequest(method: request.method.rawValue, uri: "\(request.uri)", headers: headers)
        let line = received.line
        let number = recorder.nextRequest(received)
        var context = context
        context.requestID = "req_emu\(number)"
        if faults.latency > .zero {
            let latency = faults.latency
            try await cancelWhenGracefulShutdown { try await Task.sleep(for: latency) }
        }

        var fault = faults.fault(forRequest: number)
        if fault != nil, faults.errorStatus == nil, !recorder.allowFault(for: line, limit: faults.faultsPerRequest) {
            fault = nil
        }
        let response: Response
        switch fault {
        case .rateLimit:
            let seconds = faults.retryAfterSeconds
            var result = APIResult.error(
                .tooManyRequests, type: "rate_limit_error", code: "rate_limit_exceeded",
                message: "Too many requests. Retry after \(seconds) seconds.", requestID: context.requestID,
                extra: ["retryAfter": .int(Int64(seconds))])
            result.headers[.retryAfter] = String(seconds)
            response = result.response(requestID: context.requestID)
        case .unavailable:
            var result = APIResult.error(
                .serviceUnavailable, type: "api_error", code: "service_unavailable",
                message: "Injected: the service is unavailable.", requestID: context.requestID)
            result.headers[.retryAfter] = String(faults.retryAfterSeconds)
            response = result.response(requestID: context.requestID)
        case .serverError:
            response = APIResult.error(
                .internalServerError, type: "api_error", code: "internal_error", message: "Injected server error.",
                requestID: context.requestID
            ).response(requestID: context.requestID)
        case .status(let status):
            response = APIResult.injected(status: status, requestID: context.requestID)
                .response(requestID: context.requestID)
        case .hang:
            // Read and never answered, until the emulator shuts down.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(86_400)) }
            response = APIResult.error(
                .serviceUnavailable, type: "api_error", code: "shutting_down", message: "The emulator is shutting down.",
                requestID: context.requestID
            ).response(requestID: context.requestID)
        case .truncate, .malformed, .drop, nil:
            context.bodyFault = fault.flatMap(BodyFault.init)
            do {
                response = try await next(request, context)
            } catch let error as HTTPError where error.status == .notFound {
                response = APIResult.notFound("No route \(request.uri.path).", requestID: context.requestID)
                    .response(requestID: context.requestID)
            }
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds = elapsed.inSeconds * 1000
        let tag = fault.map { " [fault: \($0)]" } ?? ""
        log("\(line) → \(response.status.code) \(String(format: "%.1f", milliseconds)) ms\(tag)")
        return response
    }
}
