import Foundation
import HelpCenter
import HelpCenterPreview
import HelpCenterResources
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `serve` under many clients at once, malformed and oversized requests, and clients that connect and
/// then send nothing or trickle bytes: every well-formed request still gets the right file.
@Suite struct PreviewServerLoadTests {
    /// The demo site, built once per test.
    static func demoSite() async throws -> URL {
        let site = try PreviewServerTests.temporaryFolder().appendingPathComponent("site")
        _ = try await SiteBuilder(options: SiteOptions(output: site)).build(snapshot: DemoHelpCenter.snapshot())
        return site
    }

    static let paths = [
        "/", "/articles/reset-your-password/", "/categories/account-and-security/", "/community/",
        "/assets/site.css", "/assets/search.js", "/search/", "/robots.txt",
    ]

    /// The bytes a path should be served with: the file, or the folder's index.html, with the live
    /// reload script the preview adds to every page.
    static func expected(_ site: URL, _ path: String) throws -> String {
        let file = path.hasSuffix("/") ? path + "index.html" : path
        let text = try String(contentsOf: site.appendingPathComponent(String(file.dropFirst())), encoding: .utf8)
        guard file.hasSuffix(".html") else { return text }
        return text.replacingOccurrences(of: "</body>", with: "<script src=\"/__helpcenter/live-reload.js\"></script>\n</body>")
    }

    @Test func manyConcurrentClientsEachGetTheWholeFile() async throws {
        let site = try await Self.demoSite()
        try await PreviewServerTests.withServer(site) { base in
            let port = base.port!
            let results = try await withThrowingTaskGroup(of: (String, Int, String).self) { group in
                for index in 0..<240 {
                    let path = Self.paths[index % Self.paths.count]
                    group.addTask {
                        let (status, body) = try await HTTPProbe.rawGET(port: port, target: path)
                        return (path, status, body)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.count == 240)
            for path in Self.paths {
                let expected = try Self.expected(site, path)
                let answers = results.filter { $0.0 == path }
                #expect(answers.allSatisfy { $0.1 == 200 && $0.2 == expected }, "\(path)")
            }
        }
    }

    @Test func malformedAndOversizedRequestsAreRefusedAndServingGoesOn() async throws {
        let site = try await Self.demoSite()
        let requests: [(String, String)] = [
            ("garbage", "GARBAGE\r\n\r\n"),
            ("binary", "\u{0}\u{1}\u{2}\u{3}\u{FF}\r\n\r\n"),
            ("no version", "GET /\r\n\r\n"),
            ("unknown version", "GET / HTTP/9.9\r\nHost: x\r\n\r\n"),
            ("space in the target", "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n"),
            ("header without a colon", "GET / HTTP/1.1\r\nHost x\r\n\r\n"),
            ("negative length", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"),
            ("two lengths", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab"),
            ("bad chunk", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"),
            ("a 1 MB target", "GET /" + String(repeating: "a", count: 1_000_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"),
            ("a 1 MB header", "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 1_000_000) + "\r\n\r\n"),
            ("20,000 headers", "GET / HTTP/1.1\r\nHost: x\r\n" + String(repeating: "X-A: b\r\n", count: 20_000) + "\r\n"),
            ("traversal in the method line", "GET ../../../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"),
        ]
        try await PreviewServerTests.withServer(site) { base in
            let port = base.port!
            for (name, request) in requests {
                let answer = try await HTTPProbe.exchange(port: port, chunks: [Array(request.utf8)])
                // Either the connection is closed or the answer is a client error; never a file.
                if let status = HTTPProbe.status(of: answer) {
                    #expect((400..<500).contains(status) || status == 505, "\(name): \(answer.prefix(200))")
                }
                #expect(!answer.contains("root:"), "\(name)")
                let (status, body) = try await HTTPProbe.rawGET(port: port, target: "/")
                let home = try Self.expected(site, "/")
                #expect(status == 200 && body == home, "after \(name)")
            }
        }
    }

    @Test func silentAndTricklingClientsDoNotHoldUpOthers() async throws {
        let site = try await Self.demoSite()
        try await PreviewServerTests.withServer(site) { base in
            let port = base.port!
            // 100 connections that start a request and never finish it.
            var silent: [Int32] = []
            defer { silent.forEach { close($0) } }
            for _ in 0..<100 {
                let socket = try HTTPProbe.connected(port: port)
                let start = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8)
                _ = send(socket, start, start.count, Int32(MSG_NOSIGNAL))
                silent.append(socket)
            }
            // One client trickling a request a byte every 20 ms while others are served.
            let request = Array("GET /articles/reset-your-password/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
            async let trickled = HTTPProbe.exchange(port: port, chunks: request.map { [$0] }, pause: .milliseconds(20))
            for index in 0..<40 {
                let path = Self.paths[index % Self.paths.count]
                let (status, body) = try await HTTPProbe.rawGET(port: port, target: path)
                let expected = try Self.expected(site, path)
                #expect(status == 200 && body == expected, "\(path)")
            }
            let answer = try await trickled
            #expect(HTTPProbe.status(of: answer) == 200)
            let article = try Self.expected(site, "/articles/reset-your-password/")
            #expect(answer.hasSuffix(article))
        }
    }
}
