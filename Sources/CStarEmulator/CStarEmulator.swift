import CStar
import CStarSnapshot
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// A local emulator of the cStar public Library and Community API for one team, served from a snapshot
/// over real HTTP with the contract's envelopes, filters, sorting, pagination and errors.
///
/// ```swift
/// let emulator = CStarEmulator(snapshot: snapshot)
/// try await emulator.run(port: 0) { url in print("listening on \(url)") }
/// ```
public struct CStarEmulator: Sendable {
    public let snapshot: Snapshot
    public var faults: FaultInjection
    /// Another identifier (the team's UUID) accepted in place of the slug.
    public var teamID: String?
    /// Answer `200 {"data": null}` instead of 404 for unknown article and post slugs.
    public var notFoundAsNull: Bool
    /// Answer successes without the `{ success, data, meta }` envelope (and counted lists as
    /// `{ results, totalCount }`), to exercise clients' tolerant decoding.
    public var bareResponses: Bool
    /// The largest `limit` served on every route, below the contract's maxima (100 for lists), as a
    /// server with a lower cap would: clients then get shorter pages than they asked for.
    public var maxLimit: Int?
    /// Serve every list from its start whatever `offset` asks for, as a server without paging would.
    public var ignoresOffset: Bool
    /// Receives one line per request.
    public var log: @Sendable (String) -> Void
    /// What clients sent: every request with its headers, views, feedback.
    public let recorder = EmulatorRecorder()

    public init(
        snapshot: Snapshot, faults: FaultInjection = .none, teamID: String? = nil, notFoundAsNull: Bool = false,
        bareResponses: Bool = false, maxLimit: Int? = nil, ignoresOffset: Bool = false,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.snapshot = snapshot
        self.faults = faults
        self.teamID = teamID
        self.notFoundAsNull = notFoundAsNull
        self.bareResponses = bareResponses
        self.maxLimit = maxLimit
        self.ignoresOffset = ignoresOffset
        self.log = log
    }

    /// The router serving every route of ``APIRoute`` (and its alternative paths).
    public func makeRouter() -> Router<EmulatorContext> {
        let api = EmulatorAPI(
            store: EmulatorStore(snapshot: snapshot, teamID: teamID), recorder: recorder, notFoundAsNull: notFoundAsNull,
            bareResponses: bareResponses, maxLimit: maxLimit, ignoresOffset: ignoresOffset)
        let router = Router(context: EmulatorContext.self)
        router.add(middleware: CORSMiddleware(allowOrigin: .all, allowHeaders: [.accept, .contentType]))
        router.add(middleware: EmulatorMiddleware(faults: faults, recorder: recorder, log: log))
        for route in APIRoute.allCases {
            let method = HTTPRequest.Method(rawValue: route.method) ?? .get
            for template in [route.pathTemplate] + route.alternativePaths {
                let path = template.replacingOccurrences(of: "{team}", with: ":team")
                    .replacingOccurrences(of: "{slug}", with: ":slug")
                router.on(RouterPath(path), method: method) { request, context in
                    try await api.respond(route, request, context)
                }
            }
        }
        return router
    }

    /// Serves until the task is cancelled (or, with `handleSignals`, until SIGINT/SIGTERM).
    ///
    /// - Parameters:
    ///   - port: 0 picks a free port; `onReady` receives the base URL actually bound.
    public func run(
        host: String = "127.0.0.1", port: Int = 4010, handleSignals: Bool = false,
        onReady: @escaping @Sendable (URL) async -> Void = { _ in }
    ) async throws {
        try await serviceGroup(host: host, port: port, handleSignals: handleSignals, onReady: onReady).run()
    }

    private func serviceGroup(
        host: String, port: Int, handleSignals: Bool, onReady: @escaping @Sendable (URL) async -> Void
    ) -> ServiceGroup {
        var logger = Logger(label: "cstar-emulator")
        // Requests are logged by `log`; the server's own shutdown chatter is not useful here.
        logger.logLevel = .critical
        let app = Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(host, port: port), serverName: "cstar-emulator"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                let hostPart = host.contains(":") ? "[\(host)]" : host
                await onReady(URL(string: "http://\(hostPart):\(bound)")!)
            },
            logger: logger
        )
        return ServiceGroup(
            configuration: .init(
                services: [app], gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : [], logger: logger))
    }

    /// Serves on a free loopback port while `body` runs with the base URL, then shuts down gracefully
    /// (requests still waiting on an injected hang are answered 503): for tests and tools that talk to
    /// the emulator in-process.
    public func withServer<T>(_ body: (URL) async throws -> T) async throws -> T {
        let (ready, continuation) = AsyncStream.makeStream(of: URL.self)
        let group = serviceGroup(host: "127.0.0.1", port: 0, handleSignals: false) { url in continuation.yield(url) }
        let server = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = ready.makeAsyncIterator()
        guard let url = await iterator.next() else {
            try await server.value
            throw EmulatorError.didNotStart
        }
        let result: Result<T, any Error>
        do {
            result = .success(try await body(url))
        } catch {
            result = .failure(error)
        }
        await group.triggerGracefulShutdown()
        _ = try? await server.value
        return try result.get()
    }
}

/// The emulator could not start serving.
public enum EmulatorError: Error, Sendable {
    case didNotStart
}
