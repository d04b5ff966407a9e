import CStar
import CStarSnapshot
import Foundation
import HelpCenter
import Testing

/// Previous/next and the category page follow the category's article order: the articles' positions
/// where the API gives them, else the API's list order.
@Suite struct ArticleOrderTests {
    /// The previous and next links of an article page, as (rel, href).
    static func pager(_ site: URL, _ slug: String) throws -> [String] {
        let html = try SiteFixtures.html(site, "articles/\(slug)/index.html")
        return html.matches(of: /<a class="pager-(?:previous|next)" rel="(prev|next)" href="([^"]*)"/).map { "\($0.1) \($0.2)" }
    }

    /// The article links of a category page, in page order.
    static func listed(_ site: URL, _ category: String) throws -> [String] {
        let html = try SiteFixtures.html(site, "categories/\(category)/index.html")
        return html.matches(of: /<h2 class="list-title"><a href="\.\.\/\.\.\/articles\/([^\/"]+)\/">/).map { String($0.1) }
    }

    /// A category whose articles the API lists newest first, `positions` giving each one's place.
    static func snapshot(positions: [String: JSONValue]) -> Snapshot {
        let category = CStar.Category(id: "c1", name: "Getting started", slug: "start")
        let articles = [("third", "2026-03-01"), ("second", "2026-02-01"), ("first", "2026-01-01")].map { slug, date in
            var json = LibraryArticle(
                id: slug, slug: slug, title: slug.capitalized, content: "About \(slug).", categorySlug: "start",
                publishedAt: date + "T00:00:00Z").json
            json["position"] = positions[slug]
            return LibraryArticle(unchecked: json)
        }
        return Snapshot(team: .init(slug: "team"), library: .init(categories: [category], articles: articles))
    }

    @Test func positionsFromTheAPIOrderPreviousNextAndTheCategoryPage() async throws {
        let (site, report) = try await SiteFixtures.build(Self.snapshot(positions: ["first": 1, "second": 2, "third": 3]))
        #expect(report.pages["article"] == 3)
        #expect(try Self.listed(site, "start") == ["first", "second", "third"])
        #expect(try Self.pager(site, "first") == ["next ../../articles/second/"])
        #expect(try Self.pager(site, "second") == ["prev ../../articles/first/", "next ../../articles/third/"])
        #expect(try Self.pager(site, "third") == ["prev ../../articles/second/"])
    }

    @Test func articlesWithoutAPositionFollowInTheAPIsOrder() async throws {
        let (site, _) = try await SiteFixtures.build(Self.snapshot(positions: ["first": 1]))
        #expect(try Self.listed(site, "start") == ["first", "third", "second"])
        #expect(try Self.pager(site, "third") == ["prev ../../articles/first/", "next ../../articles/second/"])
    }

    @Test func theDemosGettingStartedReadsInOrder() async throws {
        let (site, _) = try await SiteFixtures.build()
        #expect(try Self.listed(site, "getting-started").prefix(3) == ["welcome-to-quillpad", "create-your-first-workspace", "invite-your-team"])
        #expect(try Self.pager(site, "create-your-first-workspace") == ["prev ../../articles/welcome-to-quillpad/", "next ../../articles/invite-your-team/"])
    }
}
