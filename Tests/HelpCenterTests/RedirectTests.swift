import CStar
import CStarSnapshot
import Foundation
import HelpCenter
import HelpCenterResources
import Testing

/// Old URLs of pages whose slug changed between two snapshots keep working.
@Suite struct RedirectTests {
    func build(_ snapshot: Snapshot, into site: URL, history: URL, cache: URL? = nil) async throws -> BuildReport {
        try await SiteBuilder(options: SiteOptions(output: site, cacheFolder: cache, slugHistory: history)).build(snapshot: snapshot)
    }

    func renamed(_ snapshot: Snapshot, article old: String, to new: String) -> Snapshot {
        var snapshot = snapshot
        let index = snapshot.library.articles.firstIndex { $0.slug == old }!
        snapshot.library.articles[index] = SnapshotEdits.edited(snapshot.library.articles[index]) {
            $0.set(LibraryArticle.Field.slug, .string(new))
        }
        return snapshot
    }

    @Test func aChangedSlugLeavesARedirectPageAndARedirectsFileThatLast() async throws {
        let folder = try SiteFixtures.temporaryFolder()
        let site = folder.appendingPathComponent("site")
        let history = folder.appendingPathComponent("slugs.json")
        let first = try DemoHelpCenter.snapshot()
        _ = try await build(first, into: site, history: history, cache: folder.appendingPathComponent("cache"))
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("_redirects").path))

        var second = renamed(first, article: "offline-mode", to: "work-offline")
        let category = second.library.categories[0]
        second.library.categories[0] = SnapshotEdits.edited(category) { $0.set(CStar.Category.Field.slug, .string(category.slug + "-guides")) }
        second.library.articles = second.library.articles.map { article in
            article.categorySlug == category.slug
                ? SnapshotEdits.edited(article) { $0.set(LibraryArticle.Field.categorySlug, .string(category.slug + "-guides")) } : article
        }
        let report = try await build(second, into: site, history: history, cache: folder.appendingPathComponent("cache"))
        #expect(report.redirects == 2)
        #expect(!report.warnings.contains { $0.kind == .brokenLink }, "\(report.warnings)")
        let page = try SiteFixtures.html(site, "articles/offline-mode/index.html")
        #expect(page.contains(#"<meta http-equiv="refresh" content="0; url=../../articles/work-offline/">"#))
        #expect(page.contains(#"<meta name="robots" content="noindex">"#))
        #expect(try SiteFixtures.html(site, "articles/work-offline/index.html").contains("Offline"))
        let redirects = try String(contentsOf: site.appendingPathComponent("_redirects"), encoding: .utf8)
        #expect(redirects.contains("/articles/offline-mode/ /articles/work-offline/ 301\n"))
        #expect(redirects.contains("/categories/\(category.slug)/ /categories/\(category.slug)-guides/ 301\n"))

        // A later build, clean and without a cache, still has them: the history keeps the old slug.
        let later = folder.appendingPathComponent("later")
        _ = try await build(second, into: later, history: history)
        #expect(try SiteFixtures.files(in: later)["_redirects"] == Data(redirects.utf8))
        let recorded = try JSONSerialization.jsonObject(with: Data(contentsOf: history)) as? [String: Any]
        let articleID = first.library.articles.first { $0.slug == "offline-mode" }!.id
        #expect((recorded?["articles"] as? [String: [String]])?[articleID] == ["offline-mode", "work-offline"])

        // When another article takes the old slug, its page wins over the redirect.
        var third = second
        var json = third.library.articles[0].json
        json["id"] = .string("taker")
        json["slug"] = .string("offline-mode")
        json["title"] = .string("Offline mode, the new guide")
        third.library.articles.append(LibraryArticle(unchecked: json))
        let taken = try await build(third, into: site, history: history, cache: folder.appendingPathComponent("cache"))
        #expect(taken.redirects == 1)
        #expect(try SiteFixtures.html(site, "articles/offline-mode/index.html").contains("Offline mode, the new guide"))
        #expect(!(try String(contentsOf: site.appendingPathComponent("_redirects"), encoding: .utf8)).contains("offline-mode"))
    }

    @Test func aDamagedHistoryStopsTheBuildNamingTheFile() async throws {
        let folder = try SiteFixtures.temporaryFolder()
        let site = folder.appendingPathComponent("site")
        let history = folder.appendingPathComponent("slugs.json")
        _ = try await build(try DemoHelpCenter.snapshot(), into: site, history: history)
        let before = try SiteFixtures.files(in: site)
        try Data(#"{"format": "helpcenter-slug-history", "version": 1, "articles": ["x"]}"#.utf8).write(to: history)
        await #expect(throws: BuildError.input(
            "the slug history \(history.path): \"articles\" must map ids to lists of slugs"
        )) {
            _ = try await build(try DemoHelpCenter.snapshot(), into: site, history: history)
        }
        #expect(try SiteFixtures.files(in: site) == before)
    }
}
