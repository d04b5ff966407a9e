import Hummingbird

/// The request context of the emulator: the request's number and id, and whether to truncate its answer.
public struct EmulatorContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    var requestID = "req_emu0"
    var truncateResponse = false

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
