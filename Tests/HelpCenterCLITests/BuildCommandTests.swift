import CStar
import Foundation
import Testing

/// `helpcenter build`, `markdown` and `theme init` as a user runs them.
@Suite struct BuildCommandTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cli-build-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func buildsTheDemoWithAReport() async throws {
        let folder = try temporaryFolder()
        let site = folder.appendingPathComponent("_site")
        let report = folder.appendingPathComponent("report.json")
        let result = try await CLI.run(["build", "--output", site.path, "--report", report.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Built \(site.path): 99 pages (1 home, 7 category, 44 article, 1 community, 10 topic, 34 post, 1 search, 1 404)"))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("articles/offline-mode/index.html").path))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
        #expect((json?["pages"] as? [String: Int])?["article"] == 44)
        #expect((json?["phases"] as? [[String: Any]])?.map { $0["name"] as? String } == ["inputs", "content", "plan", "pages", "feeds and redirects", "links", "search index", "commit"])
        #expect(json?["written"] as? Int == json?["files"] as? Int)

        // The build cache beside the site makes a rebuild with no change write nothing.
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".helpcenter-cache").path))
        let again = try await CLI.run(["build", "--output", site.path, "--report", report.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("Nothing changed: \(site.path) is up to date with 99 pages"), "\(again.stderr)")
        #expect(!again.stderr.contains("Built "), "\(again.stderr)")
        let second = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
        #expect(second?["written"] as? Int == 0)
        #expect(second?["outcome"] as? String == "unchanged")
        #expect(json?["outcome"] as? String == "built")
        #expect(second?["files"] as? Int == json?["files"] as? Int)
    }

    @Test func noCacheLeavesNoCacheFolder() async throws {
        let folder = try temporaryFolder()
        let result = try await CLI.run(["build", "--output", folder.appendingPathComponent("site").path, "--no-cache"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["site"])
        let both = try await CLI.run(["build", "--output", folder.appendingPathComponent("site").path, "--no-cache", "--cache", folder.path])
        #expect(both.status != 0 && both.stderr.contains("--no-cache"))
    }

    @Test func buildsFromTheAPIThroughTheEmulator() async throws {
        let (emulator, url) = try await CLI.startEmulator()
        defer { emulator.terminate() }
        let folder = try temporaryFolder()
        let fromAPI = folder.appendingPathComponent("api")
        let fromDemo = folder.appendingPathComponent("demo")
        let api = try await CLI.run([
            "build", "--team", "quillpad", "--team-name", "Quillpad", "--base-url", url.absoluteString, "-o", fromAPI.path,
        ])
        #expect(api.status == 0, "\(api.stderr)")
        let demo = try await CLI.run(["build", "-o", fromDemo.path])
        #expect(demo.status == 0)
        // The same content through the API gives the same site, byte for byte.
        let enumerator = FileManager.default.enumerator(atPath: fromDemo.path)!
        var compared = 0
        for case let path as String in enumerator where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let a = try Data(contentsOf: fromAPI.appendingPathComponent(path))
            #expect(a == (try Data(contentsOf: fromDemo.appendingPathComponent(path))), "\(path)")
            compared += 1
        }
        #expect(compared > 90)
    }

    @Test func aBrokenTemplateFailsWithFileAndLineAndKeepsTheSite() async throws {
        let folder = try temporaryFolder()
        let site = folder.appendingPathComponent("site")
        #expect(try await CLI.run(["build", "-o", site.path]).status == 0)
        let index = try Data(contentsOf: site.appendingPathComponent("index.html"))
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("<h1>{{site.title}</h1>\n".utf8).write(to: templates.appendingPathComponent("home.mustache"))
        let result = try await CLI.run(["build", "-o", site.path, "--templates", templates.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(templates.path)/home.mustache:1:"))
        #expect(try Data(contentsOf: site.appendingPathComponent("index.html")) == index)
    }

    @Test func markdownRendersLikeTheSite() async throws {
        let file = try temporaryFolder().appendingPathComponent("a.md")
        try Data("## Hello *there*\n\n[x](https://e.com) <b>raw</b>\n".utf8).write(to: file)
        let result = try await CLI.run(["markdown", file.path])
        #expect(result.status == 0)
        #expect(result.stdout == """
            <h2 id="hello-there">Hello <em>there</em> <a class="heading-anchor" href="#hello-there" aria-label="Link to section: Hello there">#</a></h2>
            <p><a href="https://e.com" rel="noopener">x</a> <!-- raw HTML omitted -->raw<!-- raw HTML omitted --></p>

            """)
        let missing = try await CLI.run(["markdown", "/nonexistent/file.md"])
        #expect(missing.status == 1 && missing.stderr.contains("/nonexistent/file.md: cannot read it (no such file or folder)"))
    }

    @Test func themeInitCopiesTheDefaultsAndTheyBuild() async throws {
        let folder = try temporaryFolder()
        let theme = folder.appendingPathComponent("mytheme")
        let result = try await CLI.run(["theme", "init", theme.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: theme.appendingPathComponent("templates/article.mustache").path))
        #expect(FileManager.default.fileExists(atPath: theme.appendingPathComponent("public/assets/site.css").path))
        let again = try await CLI.run(["theme", "init", theme.path])
        #expect(again.status != 0 && again.stderr.contains("is not empty"))
        let build = try await CLI.run([
            "build", "-o", folder.appendingPathComponent("site").path,
            "--templates", theme.appendingPathComponent("templates").path, "--public", theme.appendingPathComponent("public").path,
        ])
        #expect(build.status == 0, "\(build.stderr)")
    }
}
