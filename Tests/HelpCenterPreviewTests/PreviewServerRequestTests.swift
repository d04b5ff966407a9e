import Foundation
import HelpCenter
import HelpCenterPreview
import HelpCenterResources
import TestSupport
import Testing

/// What the preview server answers besides files: the site under its base path, redirects that keep
/// the query, methods it does not serve, and content types with their character set.
@Suite struct PreviewServerRequestTests {
    /// The demo site built with `basePath`.
    static func demoSite(basePath: String = "/", siteURL: URL? = nil) async throws -> URL {
        let site = try PreviewServerTests.temporaryFolder().appendingPathComponent("site")
        let options = SiteOptions(output: site, siteURL: siteURL, basePath: basePath)
        _ = try await SiteBuilder(options: options).build(snapshot: DemoHelpCenter.snapshot())
        return site
    }

    @Test func servesTheSiteUnderItsBasePath() async throws {
        let site = try await Self.demoSite(basePath: "/help/")
        try await PreviewServerTests.withServer(site, basePath: "/help/") { url in
            #expect(url.path == "/help")
            #expect(url.absoluteString.hasSuffix("/help/"))
            let port = url.port!
            let home = try await HTTPProbe.request(port: port, target: "/help/")
            #expect(home.status == 200)
            #expect(home.body.contains("<script src=\"/help/__helpcenter/live-reload.js\"></script>\n</body>"))
            let article = try await HTTPProbe.request(port: port, target: "/help/articles/offline-mode/")
            #expect(article.status == 200 && article.body.contains("<h1"))

            // The root and the base path without its slash lead to the site.
            for target in ["/", "/help"] {
                let redirect = try await HTTPProbe.request(port: port, target: target)
                #expect(redirect.status == 302 && redirect.headers["location"] == "/help/", "\(target)")
            }
            #expect(try await HTTPProbe.request(port: port, target: "/?q=reset").headers["location"] == "/help/?q=reset")
            let folder = try await HTTPProbe.request(port: port, target: "/help/search?q=reset%20password")
            #expect(folder.status == 301 && folder.headers["location"] == "/help/search/?q=reset%20password")

            // Outside the base path is the site's 404 page, whose stylesheet (a base-path URL) loads.
            let outside = try await HTTPProbe.request(port: port, target: "/articles/offline-mode/")
            #expect(outside.status == 404)
            let stylesheet = try #require(outside.body.firstMatch(of: /<link rel="stylesheet" href="([^"]+)"/).map { String($0.output.1) })
            #expect(stylesheet.hasPrefix("/help/"))
            let css = try await HTTPProbe.request(port: port, target: stylesheet)
            #expect(css.status == 200 && css.headers["content-type"] == "text/css; charset=utf-8")
            #expect(try await HTTPProbe.request(port: port, target: "/help/no/such/page/").body == outside.body)

            // Live reload lives under the base path too.
            let script = try await HTTPProbe.request(port: port, target: "/help/__helpcenter/live-reload.js")
            #expect(script.status == 200 && script.body.contains("new EventSource(\"/help/__helpcenter/events\")"))
            let events = StreamReader(url: url.appendingPathComponent("__helpcenter/events"))
            defer { events.cancel() }
            #expect(await events.wait(for: ": connected"))
        }
    }

    @Test func folderRedirectsKeepTheQuery() async throws {
        let site = try await Self.demoSite()
        try await PreviewServerTests.withServer(site) { url in
            let redirect = try await HTTPProbe.request(port: url.port!, target: "/search?q=x&type=article")
            #expect(redirect.status == 301 && redirect.headers["location"] == "/search/?q=x&type=article")
            // Slashes doubled at the start stay on this server.
            let doubled = try await HTTPProbe.request(port: url.port!, target: "//search")
            #expect(doubled.status == 301 && doubled.headers["location"] == "/search/")
        }
    }

    @Test func methodsOtherThanGetAndHeadAreNotAllowed() async throws {
        let site = try await Self.demoSite()
        try await PreviewServerTests.withServer(site) { url in
            for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
                for target in ["/", "/articles/offline-mode/", "/no/such/page/", "/__helpcenter/events"] {
                    let answer = try await HTTPProbe.request(method, port: url.port!, target: target)
                    #expect(answer.status == 405 && answer.headers["allow"] == "GET, HEAD", "\(method) \(target): \(answer.status)")
                }
            }
            let head = try await HTTPProbe.request("HEAD", port: url.port!, target: "/articles/offline-mode/")
            #expect(head.status == 200 && head.headers["content-type"] == "text/html; charset=utf-8")
        }
    }

    @Test func textFilesDeclareUTF8() async throws {
        // With a site URL, so the build writes the feed and the sitemap.
        let site = try await Self.demoSite(siteURL: URL(string: "https://help.example.com"))
        let manifest = try #require(try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("search/index").path)
            .first { $0.hasSuffix(".json") })
        try await PreviewServerTests.withServer(site) { url in
            for (target, type) in [
                ("/", "text/html; charset=utf-8"), ("/articles/offline-mode/index.html", "text/html; charset=utf-8"),
                ("/assets/site.css", "text/css; charset=utf-8"), ("/assets/search.js", "text/javascript; charset=utf-8"),
                ("/search/index/\(manifest)", "application/json; charset=utf-8"), ("/feed.xml", "application/xml; charset=utf-8"),
                ("/robots.txt", "text/plain; charset=utf-8"), ("/__helpcenter/live-reload.js", "text/javascript; charset=utf-8"),
                ("/no/such/page/", "text/html; charset=utf-8"),
            ] {
                let answer = try await HTTPProbe.request(port: url.port!, target: target)
                #expect(answer.headers["content-type"] == type, "\(target): \(answer.headers["content-type"] ?? "none")")
            }
        }
    }
}
