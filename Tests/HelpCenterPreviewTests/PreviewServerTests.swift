import CStarSnapshot
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HelpCenter
import HelpCenterPreview
import HelpCenterResources
import Synchronization
import TestSupport
import Testing

/// `serve`'s server and rebuild loop, over real HTTP on 127.0.0.1.
@Suite struct PreviewServerTests {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("preview-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `body` with a server for `site` on a free port.
    static func withServer(
        _ site: URL, hub: LiveReloadHub = LiveReloadHub(), basePath: String = "/", _ body: @Sendable (URL) async throws -> Void
    ) async throws {
        let ready = AsyncStream<URL>.makeStream()
        let server = Task {
            try await PreviewServer(root: site, basePath: basePath, hub: hub).run(port: 0) { url in ready.continuation.yield(url) }
        }
        defer { server.cancel() }
        var iterator = ready.stream.makeAsyncIterator()
        let url = try #require(await iterator.next())
        try await body(url)
    }

    static func get(_ url: URL) async throws -> (Int, HTTPURLResponse, String) {
        var request = URLRequest(url: url)
        request.cachePolicy = .reloadIgnoringLocalCacheData
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        return (http.statusCode, http, String(decoding: data, as: UTF8.self))
    }

    @Test func servesPagesFoldersAndTheSite404() async throws {
        let site = try Self.temporaryFolder().appendingPathComponent("site")
        _ = try await SiteBuilder(options: SiteOptions(output: site)).build(snapshot: DemoHelpCenter.snapshot())
        try await Self.withServer(site) { base in
            let (status, response, html) = try await Self.get(base.appendingPathComponent("articles/offline-mode/"))
            #expect(status == 200)
            #expect(response.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("text/html") == true)
            #expect(response.value(forHTTPHeaderField: "Cache-Control") == "no-cache")
            #expect(response.value(forHTTPHeaderField: "ETag") != nil)
            #expect(html.contains("<h1") && html.contains("/__helpcenter/live-reload.js"))
            // The page on disk is untouched: the script is added on the way out, and the length matches.
            let onDisk = try String(contentsOf: site.appendingPathComponent("articles/offline-mode/index.html"), encoding: .utf8)
            #expect(!onDisk.contains("__helpcenter"))
            #expect(Int(response.value(forHTTPHeaderField: "Content-Length") ?? "") == html.utf8.count)

            let (css, cssResponse, _) = try await Self.get(base.appendingPathComponent("assets/site.css"))
            #expect(css == 200 && cssResponse.value(forHTTPHeaderField: "Content-Type")?.hasPrefix("text/css") == true)
            let (missing, _, notFound) = try await Self.get(base.appendingPathComponent("no/such/page/"))
            #expect(missing == 404)
            #expect(notFound == (try String(contentsOf: site.appendingPathComponent("404.html"), encoding: .utf8))
                .replacingOccurrences(of: "</body>", with: "<script src=\"/__helpcenter/live-reload.js\"></script>\n</body>"))
            // A folder without its slash is redirected, so the page's relative links work.
            let folder = try await HTTPProbe.rawGET(port: base.port!, target: "/articles/offline-mode")
            #expect(folder.status == 301)
        }
    }

    @Test func nothingOutsideTheSiteIsServed() async throws {
        let root = try Self.temporaryFolder()
        let site = root.appendingPathComponent("site"), outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("<html><body>home</body></html>".utf8).write(to: site.appendingPathComponent("index.html"))
        try Data("top secret".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try Data("top secret".utf8).write(to: root.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("escape"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(
            at: site.appendingPathComponent("link.txt"), withDestinationURL: outside.appendingPathComponent("secret.txt"))
        try await Self.withServer(site) { base in
            for target in [
                "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/assets/..%2f..%2fsecret.txt",
                "/escape/secret.txt", "/link.txt", "/.%2e/secret.txt", "/%00", "/index.html%00.txt",
            ] {
                let response = try await HTTPProbe.rawGET(port: base.port!, target: target)
                #expect([400, 404].contains(response.status), "\(target) answered \(response.status)")
                #expect(!response.body.contains("top secret"), "\(target)")
            }
            #expect(try await HTTPProbe.rawGET(port: base.port!, target: "/").status == 200)
        }
    }

    @Test func editsReachConnectedPagesAndABrokenTemplateIsReportedThenRecovered() async throws {
        let root = try Self.temporaryFolder()
        let templates = root.appendingPathComponent("templates"), site = root.appendingPathComponent("site")
        try FileManager.default.copyItem(at: try DefaultTheme.templates(), to: templates)
        let footer = templates.appendingPathComponent("footer.mustache")
        let original = try String(contentsOf: footer, encoding: .utf8)
        let hub = LiveReloadHub()
        var session = PreviewSession(
            options: SiteOptions(output: site, templates: templates), source: .file(nil, load: { try DemoHelpCenter.snapshot() }), hub: hub)
        session.pollInterval = .milliseconds(100)
        let (_, snapshot) = try await session.build()
        let outcomes = Mutex<[String]>([])
        let watching = Task { [session] in
            await session.watch(from: snapshot) { outcome in
                outcomes.withLock {
                    switch outcome {
                    case .built(_, let number, let trigger): $0.append("built \(number) after \(trigger.files)")
                    case .failed(let message): $0.append("failed: \(message)")
                    }
                }
            }
        }
        defer { watching.cancel() }
        try await Self.withServer(site, hub: hub) { base in
            let events = StreamReader(url: base.appendingPathComponent("__helpcenter/events"))
            defer { events.cancel() }
            #expect(await events.wait(for: ": connected"))

            try Data((original + "<p>Edited footer</p>\n").utf8).write(to: footer)
            #expect(await events.wait(for: "event: reload\ndata: 2\n"), "\(events.text)")
            #expect(try await Self.get(base).2.contains("Edited footer"))

            try Data((original + "{{#unclosed}}\n").utf8).write(to: footer)
            #expect(await events.wait(for: "event: problem\ndata: "), "\(events.text)")
            #expect(events.text.contains("footer.mustache"))
            // The last good site is still served.
            #expect(try await Self.get(base).2.contains("Edited footer"))

            try Data(original.utf8).write(to: footer)
            #expect(await events.wait(for: "event: reload\ndata: 3\n"), "\(events.text)")
            #expect(try await !Self.get(base).2.contains("Edited footer"))

            // A new file changes its folder too; the file is what is named.
            try Data("unused\n".utf8).write(to: templates.appendingPathComponent("notes.txt"))
            #expect(await events.wait(for: "event: reload\ndata: 4\n"), "\(events.text)")
        }
        let log = outcomes.withLock { $0 }
        // Each rebuild names the file whose change made it.
        #expect(log.count == 4, "\(log)")
        #expect(log.count == 4 && log[0] == "built 2 after \([footer.path])" && log[2] == "built 3 after \([footer.path])", "\(log)")
        #expect(log.count == 4 && log[1].hasPrefix("failed: "), "\(log)")
        #expect(log.last == "built 4 after \([templates.appendingPathComponent("notes.txt").path])", "\(log)")
    }
}
