import CStar
import CStarSnapshot
import Foundation
import HelpCenterResources
import Testing

/// `helpcenter build` as a CI job runs it: strict checks, exit statuses, annotations, colour, and the
/// team from the environment.
@Suite struct CIBuildTests {
    /// A folder with a good demo site already built, and a snapshot whose content has problems: an
    /// article linking to a section that does not exist, and an article in a category that does not.
    struct Fixture {
        let folder: URL
        let site: URL
        let bad: URL
        let linkingArticle: String

        init() async throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-ci-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            site = folder.appendingPathComponent("site")
            bad = folder.appendingPathComponent("bad.json")
            var snapshot = try DemoHelpCenter.snapshot()
            let index = snapshot.library.articles.firstIndex { $0.slug != "webhooks" }!
            linkingArticle = snapshot.library.articles[index].slug
            var json = snapshot.library.articles[index].json
            json["content"] = .string(
                (snapshot.library.articles[index].content ?? "")
                    + "\n\nSee [the retry rules](https://www.cstar.help/library/quillpad/articles/webhooks#no-such-section).\n")
            snapshot.library.articles[index] = LibraryArticle(unchecked: json)
            snapshot.library.articles.append(LibraryArticle(
                id: "orphan", slug: "orphaned-article", title: "Orphaned article", content: "Hello.", categorySlug: "no-such-category"))
            try snapshot.write(to: bad)
            let good = try await CLI.run(["build", "-o", site.path])
            #expect(good.status == 0, "\(good.stderr)")
        }

        var brokenLinkMessage: String {
            "articles/\(linkingArticle)/index.html: broken link ../../articles/webhooks/#no-such-section (no id \"no-such-section\" in articles/webhooks/index.html)"
        }
    }

    @Test func aStrictBuildWithABrokenLinkFailsNamingThePageAndTheLinkAndKeepsTheSite() async throws {
        let fixture = try await Fixture()
        let page = fixture.site.appendingPathComponent("articles/\(fixture.linkingArticle)/index.html")
        let before = try Data(contentsOf: page)
        let report = fixture.folder.appendingPathComponent("report.json")

        let strict = try await CLI.run(["build", "--snapshot", fixture.bad.path, "-o", fixture.site.path, "--strict", "--report", report.path])
        #expect(strict.status == 2, "\(strict.stderr)")
        #expect(strict.stderr.contains("error: " + fixture.brokenLinkMessage), "\(strict.stderr)")
        #expect(strict.stderr.contains("error: article 'Orphaned article' (orphaned-article) names no known category"))
        #expect(strict.stderr.contains("error: the strict build found 2 content problems; the site was not written"))
        #expect(!strict.stderr.contains("Built "))
        #expect(try Data(contentsOf: page) == before)
        #expect(!FileManager.default.fileExists(atPath: fixture.site.appendingPathComponent("articles/orphaned-article").path))
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: report)) as? [String: Any]
        let warnings = json?["warnings"] as? [[String: Any]] ?? []
        #expect(warnings.contains { $0["kind"] as? String == "brokenLink" && $0["page"] as? String == "articles/\(fixture.linkingArticle)/index.html" })
        #expect(warnings.contains { $0["kind"] as? String == "unknownCategory" && $0["page"] as? String == "articles/orphaned-article/index.html" })
        #expect(json?["outcome"] as? String == "content-problems")

        // Without --strict the same problems are warnings, and the site is built.
        let lenient = try await CLI.run(["build", "--snapshot", fixture.bad.path, "-o", fixture.site.path])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderr.contains("warning: " + fixture.brokenLinkMessage))
        #expect(FileManager.default.fileExists(atPath: fixture.site.appendingPathComponent("articles/orphaned-article/index.html").path))

        // Nothing changed since, but a strict build still fails on the problems the site has.
        let again = try await CLI.run(["build", "--snapshot", fixture.bad.path, "-o", fixture.site.path, "--strict"])
        #expect(again.status == 2 && again.stderr.contains(fixture.brokenLinkMessage), "\(again.stderr)")
    }

    @Test func gitHubActionsGetsAnnotations() async throws {
        let fixture = try await Fixture()
        let environment = ["GITHUB_ACTIONS": "true"]
        let lenient = try await CLI.run(["build", "--snapshot", fixture.bad.path, "-o", fixture.site.path], environment: environment)
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("::warning title=helpcenter%3A brokenLink::" + fixture.brokenLinkMessage), "\(lenient.stderr)")
        let strict = try await CLI.run(
            ["build", "--snapshot", fixture.bad.path, "-o", fixture.site.path, "--strict", "--no-cache"], environment: environment)
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("::error title=helpcenter%3A unknownCategory::article 'Orphaned article'"), "\(strict.stderr)")
        #expect(strict.stderr.contains("::error::the strict build found 2 content problems"))
    }

    /// Runs the command in a pseudo-terminal (util-linux `script`), where colour is allowed.
    @Test func colourOnATerminalOnlyAndNeverWithNoColor() async throws {
        let fixture = try await Fixture()
        let command = [CLI.executable.path, "build", "--snapshot", fixture.bad.path, "-o", fixture.site.path].joined(separator: " ")
        let coloured = try await CLI.run([], environment: ["TERM": "xterm"], through: ["script", "-qec", command, "/dev/null"])
        #expect(coloured.status == 0, "\(coloured.stdout)")
        #expect(coloured.stdout.contains("\u{1B}[1;33mwarning:\u{1B}[0m " + fixture.brokenLinkMessage), "\(coloured.stdout)")
        let plain = try await CLI.run([], environment: ["TERM": "xterm", "NO_COLOR": "1"], through: ["script", "-qec", command, "/dev/null"])
        #expect(plain.stdout.contains("warning: " + fixture.brokenLinkMessage))
        #expect(!plain.stdout.contains("\u{1B}[1;"), "\(plain.stdout)")
    }

    @Test func theTeamAndTheAPIComeFromTheEnvironment() async throws {
        let (emulator, url) = try await CLI.startEmulator()
        defer { emulator.terminate() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-env-\(UUID().uuidString)")
        let environment = ["CSTAR_TEAM": "quillpad", "CSTAR_BASE_URL": url.absoluteString]
        let build = try await CLI.run(["build", "-o", folder.appendingPathComponent("site").path], environment: environment)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stderr.contains("99 pages"))
        let snapshot = folder.appendingPathComponent("team.json")
        let fetched = try await CLI.run(["snapshot", "-o", snapshot.path], environment: environment)
        #expect(fetched.status == 0, "\(fetched.stderr)")
        #expect(try Snapshot(contentsOf: snapshot).team.slug == "quillpad")
        let missing = try await CLI.run(["snapshot", "-o", snapshot.path])
        #expect(missing.status == 64 && missing.stderr.contains("CSTAR_TEAM"))
    }

    @Test func exitStatusesSayWhatWentWrong() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-exit-\(UUID().uuidString)")
        let unreachable = try await CLI.run(["build", "--team", "quillpad", "--base-url", "http://127.0.0.1:9", "-o", folder.path])
        #expect(unreachable.status == 3, "\(unreachable.stderr)")
        #expect(unreachable.stderr.contains("error: GET http://127.0.0.1:9/api/library/quillpad/categories failed"))
        let usage = try await CLI.run(["build", "--snapshot", "a.json", "--team", "quillpad"])
        #expect(usage.status == 64)
        let missing = try await CLI.run(["build", "--snapshot", folder.appendingPathComponent("none.json").path, "-o", folder.path])
        #expect(missing.status == 1 && missing.stderr.contains("error: "), "\(missing.stderr)")
    }
}
