import CStar
import CStarEmulator
import CStarSnapshot
import Foundation
import Testing

/// Paging against servers that serve shorter pages than asked for, or ignore `offset`.
@Suite struct PaginationTests {
    func library(_ url: URL) -> LibraryClient {
        LibraryClient(teamSlug: Fixture.team, baseURL: url, configuration: testConfiguration())
    }

    func community(_ url: URL) -> CommunityClient {
        CommunityClient(teamSlug: Fixture.team, baseURL: url, configuration: testConfiguration())
    }

    /// Articles come without a total: short pages go on until an empty one.
    @Test func articlesPageOnPastShortPagesUntilAnEmptyPage() async throws {
        let emulator = CStarEmulator(snapshot: Fixture.snapshot, maxLimit: 30)
        try await withEmulator(emulator) { url async throws in
            let slugs = try await Array(library(url).allArticles(categorySlug: "billing")).map(\.slug)
            #expect(slugs.count == 120 && Set(slugs).count == 120)
            // 30 + 30 + 30 + 30, then the empty page that ends a list without a total.
            #expect(emulator.recorder.requestLines.count == 5)
            #expect(emulator.recorder.requestLines.last?.hasSuffix("limit=100&offset=120") == true)
        }
    }

    /// Posts come with a total: short pages go on until it is reached, with no extra request.
    @Test func postsPageOnPastShortPagesUntilTheTotal() async throws {
        let emulator = CStarEmulator(snapshot: Fixture.snapshot, maxLimit: 40)
        try await withEmulator(emulator) { url async throws in
            let posts = try await Array(community(url).allPosts())
            #expect(Set(posts.map(\.slug)) == Set(Fixture.publicPosts.map(\.slug)) && posts.count == 130)
            // 40 + 40 + 40 + 10 = 130, the total.
            #expect(emulator.recorder.requests == 4)
        }
    }

    @Test func aServerThatIgnoresOffsetIsAnErrorNotATruncatedList() async throws {
        let emulator = CStarEmulator(snapshot: Fixture.snapshot, maxLimit: 30, ignoresOffset: true)
        try await withEmulator(emulator) { url async throws in
            let error = try await #require(throws: CStarError.self) {
                try await Array(library(url).allArticles(categorySlug: "billing"))
            }
            #expect(error.kind == .pagination && !error.isRetryable)
            #expect(error.request == "GET \(url.absoluteString)/api/library/acme/articles?category=billing&limit=100&offset=30")
            #expect(error.message.contains("repeats the previous page"), "\(error)")
            #expect(emulator.recorder.requests == 2)

            let postError = try await #require(throws: CStarError.self) { try await Array(community(url).allPosts()) }
            #expect(postError.kind == .pagination && postError.request.hasSuffix("posts?limit=100&offset=30"))
            #expect(emulator.recorder.requests == 4)
        }
    }

    /// A whole team through ``SnapshotFetcher`` from a server that serves 7 items a page.
    @Test func snapshotFromAServerWithALowCapIsComplete() async throws {
        let emulator = CStarEmulator(snapshot: Fixture.snapshot, maxLimit: 7)
        try await withEmulator(emulator) { url async throws in
            let fetched = try await SnapshotFetcher(
                library: library(url), community: community(url), concurrency: 4
            ).fetch()
            #expect(Set(fetched.library.articles) == Set(Fixture.snapshot.library.articles))
            #expect(Set(fetched.community!.posts) == Set(Fixture.publicPosts))
        }
    }
}
