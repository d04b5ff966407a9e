import CStar
import CStarSnapshot
import Foundation
import HelpCenter
import Testing

/// Links between articles as authors write them (root-relative, relative to the hosted page or to the
/// generated page, to the hosted library) work under a base path, and a link to an article or
/// category the site does not have is a warning that names its page and the link.
@Suite struct ArticleLinkTests {
    static let linking = """
        Start with [the root-relative link](/articles/create-your-first-workspace), \
        [the generated page's sibling](../create-your-first-workspace/), \
        [the hosted page's sibling](create-your-first-workspace#set-it-up), \
        [the category](/categories/getting-started/) and [search](/search/).

        Missing: [hosted](https://www.cstar.help/library/team/articles/no-such-article), \
        [relative](../no-such-article/), [root-relative](/articles/no-such-article) and \
        [category](/categories/no-such-category/).
        """

    static func snapshot(extraArticle: Bool = false) -> Snapshot {
        let category = CStar.Category(id: "c1", name: "Getting started", slug: "getting-started")
        var articles = [
            LibraryArticle(
                id: "a1", slug: "create-your-first-workspace", title: "Create your first workspace",
                content: "## Set it up\n\nClick *New*.\n", categorySlug: "getting-started"),
            LibraryArticle(id: "a2", slug: "linking", title: "Linking", content: linking, categorySlug: "getting-started"),
        ]
        if extraArticle {
            articles.append(LibraryArticle(id: "a3", slug: "no-such-article", title: "Now here", content: "Hi.", categorySlug: "getting-started"))
        }
        let topic = Topic(id: "t1", name: "Questions", slug: "questions")
        let post = Post(
            id: "p1", slug: "where-to-start", title: "Where to start?",
            body: "Read [this](/articles/create-your-first-workspace) and [that](../../../articles/no-such-article/).",
            topicID: "t1", createdAt: "2026-01-02T00:00:00Z")
        return Snapshot(
            team: .init(slug: "team", name: "Team"), library: .init(categories: [category], articles: articles, popular: []),
            community: .init(topics: [topic], posts: [post], comments: [:]))
    }

    /// The link targets in the page's Markdown, from the paragraph that starts with `start` to the
    /// end of the next one.
    static func hrefs(_ html: String, from start: String) -> [String] {
        guard let begin = html.range(of: "<p>" + start) else { return [] }
        let end = html.range(of: "</p>", range: begin.upperBound..<html.endIndex)
            .flatMap { html.range(of: "</p>", range: $0.upperBound..<html.endIndex) } ?? begin
        return html[begin.lowerBound..<end.upperBound].matches(of: /<a href="([^"]*)"/).map { String($0.output.1) }
    }

    static func articleLinks(_ site: URL) throws -> [String] {
        hrefs(try SiteFixtures.html(site, "articles/linking/index.html"), from: "Start with")
    }

    static func postLinks(_ site: URL) throws -> [String] {
        hrefs(try SiteFixtures.html(site, "community/posts/where-to-start/index.html"), from: "Read")
    }

    @Test func internalLinksBecomeRelativeUnderABasePath() async throws {
        let (site, report) = try await SiteFixtures.build(Self.snapshot()) { $0.basePath = "/help/" }
        let links = try Self.articleLinks(site)
        for link in [
            "../../articles/create-your-first-workspace/", "../../articles/create-your-first-workspace/#set-it-up",
            "../../categories/getting-started/", "../../search/",
        ] {
            #expect(links.contains(link), "\(link) not in \(links)")
        }
        #expect(links.filter { $0 == "../../articles/create-your-first-workspace/" }.count == 2, "\(links)")
        #expect(!links.contains { $0.hasPrefix("/articles") || $0.hasPrefix("/categories") || $0.hasPrefix("/search") }, "\(links)")
        #expect(!links.contains("https://www.cstar.help/library/team/create-your-first-workspace/"), "\(links)")
        let post = try Self.postLinks(site)
        #expect(post.contains("../../../articles/create-your-first-workspace/"), "\(post)")
        #expect(!report.warnings.contains { $0.kind == .brokenLink }, "\(report.warnings)")
        #expect(try LinkChecker(root: site, basePath: "/help/").check().isEmpty)
    }

    @Test func linksToArticlesAndCategoriesTheSiteDoesNotHaveAreWarnedAbout() async throws {
        let (site, report) = try await SiteFixtures.build(Self.snapshot()) { $0.basePath = "/help/" }
        let page = "articles/linking/index.html"
        let warnings = report.warnings.filter { $0.kind == .unknownLinkTarget }
        let hosted = "https://www.cstar.help/library/team/articles/no-such-article"
        #expect(warnings.map(\.message) == [
            "\(page): link \(hosted) names article 'no-such-article', which the site does not have (it leads to \(hosted))",
            "\(page): link ../no-such-article/ names article 'no-such-article', which the site does not have (it leads to \(hosted))",
            "\(page): link /articles/no-such-article names article 'no-such-article', which the site does not have (it leads to \(hosted))",
            "\(page): link /categories/no-such-category/ names category 'no-such-category', which the site does not have "
                + "(it leads to https://www.cstar.help/library/team/categories/no-such-category)",
            "community/posts/where-to-start/index.html: link ../../../articles/no-such-article/ names article 'no-such-article', "
                + "which the site does not have (it leads to \(hosted))",
        ])
        #expect(warnings.map(\.page) == [page, page, page, page, "community/posts/where-to-start/index.html"])
        #expect(try Self.articleLinks(site).filter { $0 == hosted }.count == 3)

        await #expect(throws: StrictBuildFailure.self) {
            _ = try await SiteFixtures.build(Self.snapshot()) { $0.strict = true }
        }
    }

    @Test func aRebuildAfterTheMissingArticleAppearsLinksToIt() async throws {
        let folder = try SiteFixtures.temporaryFolder()
        var options = SiteOptions(output: folder.appendingPathComponent("site"), cacheFolder: folder.appendingPathComponent("cache"))
        options.basePath = "/help/"
        let first = try await SiteBuilder(options: options).build(snapshot: Self.snapshot())
        #expect(first.warnings.filter { $0.kind == .unknownLinkTarget }.count == 5)
        let second = try await SiteBuilder(options: options).build(snapshot: Self.snapshot(extraArticle: true))
        #expect(second.warnings.filter { $0.kind != .feedSkipped }.map(\.message) == [
            "articles/linking/index.html: link /categories/no-such-category/ names category 'no-such-category', which the site does not "
                + "have (it leads to https://www.cstar.help/library/team/categories/no-such-category)"
        ])
        let links = try Self.articleLinks(options.output)
        #expect(links.filter { $0 == "../../articles/no-such-article/" }.count == 3, "\(links)")
        let post = try Self.postLinks(options.output)
        #expect(post.contains("../../../articles/no-such-article/"), "\(post)")
    }
}
