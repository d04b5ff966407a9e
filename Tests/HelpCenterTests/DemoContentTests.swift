import CStar
import CStarSnapshot
import Foundation
import HelpCenterResources
import Testing

/// The built-in demo is what users see first and what most tests build: keep it realistic and whole.
@Suite struct DemoContentTests {
    let demo: Snapshot

    init() throws {
        demo = try DemoHelpCenter.snapshot()
    }

    @Test func hasTheSizeOfARealHelpCenter() throws {
        #expect(demo.library.categories.count >= 6)
        #expect(demo.library.articles.count >= 40)
        let community = try #require(demo.community)
        #expect(community.topics.count >= 4)
        #expect(community.posts.count >= 30)
        #expect(Set(community.posts.map(\.status.rawValue)).count >= 5)
        #expect(community.comments.values.joined().contains { $0.isOfficialAnswer })
    }

    @Test func countsAreConsistent() throws {
        let library = demo.library
        for category in library.categories {
            #expect(category.articleCount == library.articles.filter { $0.categorySlug == category.slug }.count)
        }
        #expect(library.stats?.totalArticles == library.articles.count)
        #expect(library.stats?.totalViews == library.articles.reduce(0) { $0 + ($1.viewCount ?? 0) })
        let community = try #require(demo.community)
        for post in community.posts {
            #expect(post.commentCount == community.comments[post.slug]?.count, "\(post.slug)")
        }
    }

    @Test func articlesUseWhatRealHelpArticlesUse() {
        let contents = demo.library.articles.compactMap(\.content)
        for feature in ["\n## ", "\n1. ", "|---|", "```bash", "- [ ] ", "![", "> **Note:**", "https://www.cstar.help/library/quillpad/articles/"] {
            #expect(contents.contains { $0.contains(feature) }, "no article uses \(feature)")
        }
    }

    @Test func linksBetweenArticlesNameExistingArticles() {
        let slugs = Set(demo.library.articles.map(\.slug))
        let pattern = /\/library\/quillpad\/articles\/([a-z0-9-]+)/
        var linked = 0
        for article in demo.library.articles {
            for match in (article.content ?? "").matches(of: pattern) {
                linked += 1
                #expect(slugs.contains(String(match.1)), "\(article.slug) links to \(match.1)")
            }
        }
        #expect(linked > 25)
    }
}
