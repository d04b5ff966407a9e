import CStar
import CStarEmulator
import Foundation
import Testing

@Suite struct CommunityClientTests {
    let emulator = CStarEmulator(snapshot: Fixture.snapshot)

    func client(_ url: URL) -> CommunityClient {
        CommunityClient(teamSlug: Fixture.team, baseURL: url, configuration: testConfiguration())
    }

    @Test func topics() async throws {
        try await withEmulator(emulator) { url async throws in
            #expect(try await client(url).topics().map(\.slug) == ["ideas", "help"])
        }
    }

    @Test func postsPageHasTotalAndPinnedFirst() async throws {
        try await withEmulator(emulator) { url async throws in
            let page = try await client(url).posts(limit: 10)
            #expect(page.count == 130)
            #expect(page.posts.count == 10)
            #expect(page.posts[0].slug == "post-10" && page.posts[0].isPinned)
            let rest = page.posts.dropFirst().map { $0.createdAt! }
            #expect(rest == rest.sorted(by: >))
        }
    }

    @Test func sortByVotesAndFilterByTopic() async throws {
        try await withEmulator(emulator) { url async throws in
            let page = try await client(url).posts(topicSlug: "ideas", sort: .votes, limit: 100)
            #expect(page.count == 65)
            #expect(page.posts.allSatisfy { $0.topicID == "top-ideas" })
            let votes = page.posts.dropFirst().map(\.voteCount)
            #expect(page.posts[0].isPinned)
            #expect(votes == votes.sorted(by: >))
            let byComments = try await client(url).posts(sort: .comments, limit: 5)
            #expect(byComments.posts.dropFirst().allSatisfy { $0.commentCount == 3 })
            #expect(try await client(url).posts(topicSlug: "nope").count == 0)
        }
    }

    @Test func allPostsPaginatesToTheEndWithoutMembersOnlyPosts() async throws {
        try await withEmulator(emulator) { url async throws in
            let before = emulator.recorder.requests
            let posts = try await Array(client(url).allPosts(pageSize: 40))
            #expect(posts.count == 130)
            #expect(Set(posts.map(\.slug)) == Set(Fixture.publicPosts.map(\.slug)))
            // 40 + 40 + 40 + 10
            #expect(emulator.recorder.requests - before == 4)
        }
    }

    @Test func postWithCommentsOldestFirst() async throws {
        try await withEmulator(emulator) { url async throws in
            let thread = try #require(try await client(url).post(slug: "post-7"))
            #expect(thread.post.title == "Post 7")
            #expect(thread.comments.map(\.id) == ["c-7-0", "c-7-1", "c-7-2"])
            #expect(thread.comments[1].isOfficialAnswer && thread.comments[1].isAgent)
            #expect(thread.comments.map { $0.createdAt! } == thread.comments.map { $0.createdAt! }.sorted())
            #expect(try await client(url).post(slug: "nope") == nil)
            // Members-only posts are not public.
            #expect(try await client(url).post(slug: "post-131") == nil)
        }
    }

    @Test func search() async throws {
        try await withEmulator(emulator) { url async throws in
            let results = try await client(url).search("dark mode")
            #expect(results.hits.map(\.slug) == ["post-3"])
            #expect(results.count == 1)
            #expect(results.hits[0].highlight?.contains("<mark>") == false)
            let many = try await client(url).search("body", limit: 7)
            #expect(many.hits.count == 7 && many.count == 130)
            #expect(many.hits[0].highlight?.contains("<mark>Body</mark>") == true)
        }
    }
}
