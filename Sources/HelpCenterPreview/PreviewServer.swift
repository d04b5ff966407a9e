import Foundation
import HelpCenter
import Hummingbird
import Logging

/// A local HTTP server for a built site: directory URLs, content types, the site's 404 page, caching
/// headers that make the browser revalidate every file (so a rebuild is never hidden by a cache), no
/// path out of the site folder, and live reload through a ``LiveReloadHub``. The site is served under
/// its base path (`/` redirects there), as it will be on its host.
///
/// ```swift
/// let hub = LiveReloadHub()
/// try await PreviewServer(root: siteFolder, hub: hub).run(port: 0) { url in print("Serving \(url)") }
/// ```
public struct PreviewServer: Sendable {
    public var root: URL
    /// The path the site lives under, as built with `--base-path` (normalized: a slash at each end).
    public var basePath: String {
        didSet { basePath = SiteOptions.normalizedBasePath(basePath) }
    }
    public var hub: LiveReloadHub

    public init(root: URL, basePath: String = "/", hub: LiveReloadHub) {
        self.root = root
        self.basePath = SiteOptions.normalizedBasePath(basePath)
        self.hub = hub
    }

    func makeRouter() -> Router<BasicRequestContext> {
        let script = LiveReloadScript(basePath: basePath.encodedURLPath)
        let files = SiteFileProvider(root: root, script: script.tag)
        let router = Router()
        router.add(middleware: NotFoundPage(files: files))
        router.add(middleware: SiteRequests(basePath: basePath, files: files))
        router.add(middleware: FileMiddleware(
            fileProvider: files, cacheControl: .init([(MediaType(type: .any), [.noCache])]), searchForIndexHtml: true
        ).withAdditionalMediaTypes(forFileExtensions: TextContentTypes.byExtension))
        let hub = self.hub
        router.get(RouterPath(script.eventsPath)) { _, _ in await hub.response() }
        router.get(RouterPath(script.path)) { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/javascript; charset=utf-8"
            headers[.cacheControl] = "no-cache"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: .init(string: script.source)))
        }
        return router
    }

    /// Serves until the task is cancelled (or, with `handleSignals`, until SIGINT or SIGTERM).
    ///
    /// - Parameters:
    ///   - host: 127.0.0.1 unless asked otherwise: a preview is not for the network.
    ///   - port: 0 picks a free port; `onReady` receives the URL actually bound.
    public func run(
        host: String = "127.0.0.1", port: Int = 8000, handleSignals: Bool = false,
        onReady: @escaping @Sendable (URL) async -> Void = { _ in }
    ) async throws {
        var logger = Logger(label: "helpcenter-serve")
        logger.logLevel = .critical
        let basePath = self.basePath.encodedURLPath
        let app = Application(
            router: makeRouter(),
            configuration: .init(address: .hostname(host, port: port), serverName: "helpcenter"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                let hostPart = host.contains(":") ? "[\(host)]" : host
                await onReady(URL(string: "http://\(hostPart):\(bound)\(basePath)")!)
            },
            logger: logger
        )
        let hub = self.hub
        // On a signal the server waits for open requests; live-reload streams never end on their own.
        let signals: [any DispatchSourceSignal] = handleSignals ? [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { Task { await hub.close() } }
            source.resume()
            return source
        } : []
        defer { signals.forEach { $0.cancel() } }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await hub.keepAlive() }
            group.addTask { try await app.runService(gracefulShutdownSignals: handleSignals ? [.sigterm, .sigint] : []) }
            try await group.next()
            group.cancelAll()
        }
    }
}
