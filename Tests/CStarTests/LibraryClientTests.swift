import CStar
import CStarEmulator
import Foundation
import Testing

@Suite struct LibraryClientTests {
    let emulator = CStarEmulator(snapshot: Fixture.snapshot, teamID: Fixture.teamID)

    func client(_ url: URL, team: String = Fixture.team) -> LibraryClient {
        LibraryClient(teamSlug: team, baseURL: url, configuration: testConfiguration())
    }

    @Test func categoriesInDisplayOrder() async throws {
        try await withEmulator(emulator) { url async throws in
            let categories = try await client(url).categories()
            #expect(categories.map(\.slug) == ["billing", "security", "empty"])
            #expect(categories[0].name == "Billing")
            #expect(categories[0].articleCount == 120)
            #expect(categories[1].sortOrder == 2)
        }
    }

    @Test func teamUUIDWorksInPlaceOfSlug() async throws {
        try await withEmulator(emulator) { url async throws in
            let categories = try await client(url, team: Fixture.teamID).categories()
            #expect(categories.count == 3)
        }
    }

    @Test func articlesPageWithLimitOffsetAndCategory() async throws {
        try await withEmulator(emulator) { url async throws in
            let library = client(url)
            let first = try await library.articles(categorySlug: "security", limit: 10)
            let second = try await library.articles(categorySlug: "security", limit: 10, offset: 10)
            #expect(first.count == 10 && second.count == 10)
            #expect(Set(first.map(\.slug)).isDisjoint(with: second.map(\.slug)))
            #expect(first.allSatisfy { $0.categorySlug == "security" })
            // Newest first within a category; list form omits the body.
            #expect(first.map(\.publishedAt) == first.map(\.publishedAt).sorted { $0! > $1! })
            #expect(first.allSatisfy { $0.content == nil })
            // Default page size is 20, unknown category is an empty list.
            #expect(try await library.articles().count == 20)
            #expect(try await library.articles(categorySlug: "nope").isEmpty)
        }
    }

    @Test func allArticlesPaginatesToTheEnd() async throws {
        try await withEmulator(emulator) { url async throws in
            let before = emulator.recorder.requests
            var slugs: [String] = []
            for try await article in client(url).allArticles(categorySlug: "billing", pageSize: 50) {
                slugs.append(article.slug)
            }
            #expect(slugs.count == 120)
            #expect(Set(slugs).count == 120)
            // 50 + 50 + 20, then the empty page that ends a list without a total.
            #expect(emulator.recorder.requests - before == 4)

            var everything = 0
            for try await _ in client(url).allArticles() { everything += 1 }
            #expect(everything == 165)
        }
    }

    @Test func emptyCategoryNeedsOneRequest() async throws {
        try await withEmulator(emulator) { url async throws in
            let before = emulator.recorder.requests
            let articles = try await Array(client(url).allArticles(categorySlug: "empty"))
            #expect(articles.isEmpty)
            #expect(emulator.recorder.requests - before == 1)
        }
    }

    @Test func articleBySlugHasContentAndUnknownFields() async throws {
        try await withEmulator(emulator) { url async throws in
            let article = try #require(try await client(url).article(slug: "billing-article-3"))
            #expect(article.title == "Billing guide 3")
            #expect(article.content == "## Step 3\n\nText about billing number 3.")
            #expect(article.json["futureField"] == ["nested": [1, 2.5, "x", nil]])
            let original = Fixture.snapshot.library.articles.first { $0.slug == "billing-article-3" }
            #expect(article == original)
        }
    }

    @Test func unknownArticleIsNilFrom404AndFromNullData() async throws {
        try await withEmulator(emulator) { url async throws in
            #expect(try await client(url).article(slug: "does-not-exist") == nil)
        }
        let nullEmulator = CStarEmulator(snapshot: Fixture.snapshot, notFoundAsNull: true)
        try await withEmulator(nullEmulator) { url async throws in
            #expect(try await client(url).article(slug: "does-not-exist") == nil)
        }
    }

    @Test func slugsArePercentEncoded() async throws {
        try await withEmulator(emulator) { url async throws in
            #expect(try await client(url).article(slug: "../categories") == nil)
            #expect(try await client(url).article(slug: "a b/c?d#e") == nil)
            #expect(emulator.recorder.requestLines.contains("GET /api/library/acme/articles/..%2Fcategories"))
        }
    }

    @Test func emptySlugIsRejectedWithoutARequest() async throws {
        try await withEmulator(emulator) { url async throws in
            let before = emulator.recorder.requests
            let error = try await #require(throws: CStarError.self) { try await client(url).article(slug: "") }
            #expect(error.kind == .validation && error.param == "slug")
            #expect(emulator.recorder.requests == before)
        }
    }

    @Test func searchReturnsHighlightedHitsAndTotal() async throws {
        try await withEmulator(emulator) { url async throws in
            let results = try await client(url).search("security number", limit: 5)
            #expect(results.hits.count == 5)
            #expect(results.count == 45)
            #expect(results.hits.allSatisfy { $0.highlight?.contains("<mark>security</mark>") == true })
            let titled = try await client(url).search("rotate api keys")
            #expect(titled.hits.map(\.title).allSatisfy { $0 == "Rotate your API keys" })
            #expect(titled.count == 2)
            let none = try await client(url).search("zebra")
            #expect(none.hits.isEmpty && none.count == 0)
        }
    }

    @Test func popularArticlesInOrderWithLimit() async throws {
        try await withEmulator(emulator) { url async throws in
            let popular = try await client(url).popularArticles(limit: 6)
            #expect(popular.map(\.slug) == Array(Fixture.snapshot.library.popular.prefix(6)))
            #expect(try await client(url).popularArticles().count == APILimits.popular.default)
        }
    }

    @Test func stats() async throws {
        try await withEmulator(emulator) { url async throws in
            let stats = try await client(url).stats()
            #expect(stats.totalArticles == 165 && stats.totalCategories == 3 && stats.totalViews == 999)
        }
    }

    @Test func recordViewAndFeedbackReachTheServer() async throws {
        try await withEmulator(emulator) { url async throws in
            try await client(url).recordView(slug: "billing-article-1")
            try await client(url).submitFeedback(slug: "billing-article-1", isHelpful: false, feedbackText: "Step 2 is outdated")
            try await client(url).submitFeedback(slug: "billing-article-2", isHelpful: true)
            #expect(emulator.recorder.views == ["billing-article-1"])
            #expect(emulator.recorder.feedback == [
                .init(slug: "billing-article-1", isHelpful: false, text: "Step 2 is outdated"),
                .init(slug: "billing-article-2", isHelpful: true, text: nil),
            ])
            let error = try await #require(throws: CStarError.self) {
                try await client(url).submitFeedback(slug: "nope", isHelpful: true)
            }
            #expect(error.kind == .notFound && error.status == 404)
        }
    }

    @Test func bareResponsesDecodeTolerantly() async throws {
        let bare = CStarEmulator(snapshot: Fixture.snapshot, bareResponses: true)
        try await withEmulator(bare) { url async throws in
            let library = client(url)
            #expect(try await library.categories().count == 3)
            #expect(try await library.article(slug: "security-article-2")?.title == "Security guide 2")
            let results = try await library.search("security", limit: 3)
            #expect(results.hits.count == 3 && results.count == 45)
            #expect(try await library.stats().totalArticles == 165)
        }
    }

    @Test func unknownTeamIsNotFound() async throws {
        try await withEmulator(emulator) { url async throws in
            let error = try await #require(throws: CStarError.self) { try await client(url, team: "other").categories() }
            #expect(error.kind == .notFound)
            #expect(error.type == "not_found_error")
            #expect(error.message == "No team 'other'.")
            #expect(error.requestID?.hasPrefix("req_emu") == true)
            #expect(error.request.hasPrefix("GET \(url.absoluteString)/api/library/other/categories"))
        }
    }
}
