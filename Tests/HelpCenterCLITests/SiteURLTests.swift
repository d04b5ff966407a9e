import CStarSnapshot
import Foundation
import HelpCenterResources
import Testing

/// `--site-url` and `--base-path`: the site URL is where the site's root is served, and every absolute
/// URL of the site lies under it.
@Suite struct SiteURLTests {
    /// The README's GitHub Actions workflow: its `SITE_URL` and its "Build the site" command.
    struct Workflow {
        let siteURL: String
        let buildCommand: String

        init() throws {
            let readme = try String(
                contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
            let section = try #require(readme.range(of: "## Use in CI"))
            let lines = readme[section.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            let siteURL = try #require(lines.first { $0.contains("SITE_URL: ") })
            self.siteURL = String(siteURL.split(separator: " ").last!)
            let step = try #require(lines.firstIndex { $0.contains("- name: Build the site") })
            #expect(lines[step + 1].hasSuffix("run: >"))
            let command = lines[(step + 2)...].prefix { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("- ") }
            buildCommand = command.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        }
    }

    /// A folder laid out like the workflow's checkout: the fetched content, the theme, the built tool.
    static func checkout() async throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-ci-workflow-\(UUID().uuidString)")
        let release = folder.appendingPathComponent(".build/release")
        try FileManager.default.createDirectory(at: release, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: release.appendingPathComponent("helpcenter"), withDestinationURL: CLI.executable)
        try DemoHelpCenter.snapshot().write(to: folder.appendingPathComponent("content.json"))
        let theme = try await CLI.run(["theme", "init", folder.appendingPathComponent("theme").path])
        #expect(theme.status == 0, "\(theme.stderr)")
        return folder
    }

    @Test func theWorkflowsBuildPutsEveryAbsoluteURLUnderTheSiteURL() async throws {
        let workflow = try Workflow()
        #expect(workflow.siteURL == "https://acme.github.io/help-center")
        let folder = try await Self.checkout()
        let build = try await CLI.run(
            [], environment: ["SITE_URL": workflow.siteURL],
            through: ["sh", "-c", "cd \"$0\" && " + workflow.buildCommand, folder.path])
        #expect(build.status == 0, "\(workflow.buildCommand)\n\(build.stderr)")

        let site = folder.appendingPathComponent("_site")
        let files = try #require(FileManager.default.enumerator(at: site, includingPropertiesForKeys: nil))
        var found: [String: Int] = [:]
        var wrong: [String] = []
        for case let file as URL in files where ["html", "xml", "txt", "json"].contains(file.pathExtension) {
            let text = try String(contentsOf: file, encoding: .utf8)
            let name = file.path.replacingOccurrences(of: site.path + "/", with: "")
            for match in text.matches(of: /https?:\/\/acme\.github\.io[^"'<>\s)]*/) {
                let url = String(match.output)
                if !url.hasPrefix("https://acme.github.io/help-center/") || url.contains("/help-center/help-center") {
                    wrong.append("\(name): \(url)")
                }
                found[name, default: 0] += 1
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) URLs outside the site URL, e.g. \(wrong.prefix(5))")
        for name in ["index.html", "articles/offline-mode/index.html", "sitemap.xml", "robots.txt", "feed.xml"] {
            #expect(found[name, default: 0] > 0, "no absolute URL in \(name)")
        }
        let article = try String(contentsOf: site.appendingPathComponent("articles/offline-mode/index.html"), encoding: .utf8)
        #expect(article.contains(#"<link rel="canonical" href="https://acme.github.io/help-center/articles/offline-mode/">"#))
        #expect(try String(contentsOf: site.appendingPathComponent("robots.txt"), encoding: .utf8)
            .contains("Sitemap: https://acme.github.io/help-center/sitemap.xml\n"))
        // The page served at any depth starts its links at the site URL's path.
        let notFound = try String(contentsOf: site.appendingPathComponent("404.html"), encoding: .utf8)
        #expect(notFound.contains(#"href="/help-center/assets/site.css""#))
    }

    @Test func aBasePathThatDisagreesWithTheSiteURLsPathIsAUsageError() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-site-url-\(UUID().uuidString)")
        let site = folder.appendingPathComponent("site")
        for basePath in ["/docs/", "/"] {
            let result = try await CLI.run(
                ["build", "-o", site.path, "--site-url", "https://acme.github.io/help-center", "--base-path", basePath])
            #expect(result.status == 64, "\(result.stderr)")
            #expect(result.stderr.contains("--site-url and --base-path disagree"), "\(result.stderr)")
            #expect(result.stderr.contains("https://acme.github.io/help-center has the path /help-center/, but the base path is \(basePath)"))
            #expect(!FileManager.default.fileExists(atPath: site.path))
        }
        // The same path twice, or a site URL without a path and a base path, name one site root.
        for arguments in [
            ["--site-url", "https://acme.github.io/help-center/", "--base-path", "help-center"],
            ["--site-url", "https://acme.github.io", "--base-path", "/help-center/"],
        ] {
            let result = try await CLI.run(["build", "-o", site.path, "--no-cache"] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            let home = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
            #expect(home.contains(#"<link rel="canonical" href="https://acme.github.io/help-center/">"#), "\(arguments)")
        }
    }
}
