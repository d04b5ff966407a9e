import Hummingbird

/// The request context of the emulator: the request's number and id, and whether to truncate its answer.
public struct EmulatorContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    var requestID = "req_emu0"
    /// What to do to the body of this request's answer, an injected fault.
    var bodyFault: BodyFault?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}

/// A fault injected into the body of an otherwise normal answer.
enum BodyFault: Sendable {
    /// The body cut in half, with a matching `Content-Length`.
    case truncate
    /// An HTML error page in place of the JSON.
    case malformed
    /// The whole length announced, half the body sent, then the connection closed.
    case drop

    init?(_ fault: FaultInjection.Fault) {
        switch fault {
        case .truncate: self = .truncate
        case .malformed: self = .malformed
        case .drop: self = .drop
        default: return nil
        }
    }
}
