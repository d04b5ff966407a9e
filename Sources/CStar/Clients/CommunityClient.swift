import Foundation

/// The cStar public community-forum API of one team, at parity with the TypeScript SDK's `CommunityClient`.
public struct CommunityClient: Sendable {
    public let teamSlug: String
    public let baseURL: URL
    let executor: RequestExecutor

    public init(
        teamSlug: String, baseURL: URL = ClientConfiguration.defaultBaseURL,
        configuration: ClientConfiguration = ClientConfiguration()
    ) {
        self.teamSlug = teamSlug
        self.baseURL = baseURL
        executor = RequestExecutor(baseURL: baseURL, team: teamSlug, configuration: configuration)
    }

    /// All topics, in display order.
    public func topics() async throws -> [Topic] {
        try await executor.fetch(ListPayload<Topic>.self, .communityTopics).items
    }

    /// One page of public posts, pinned first, and the total number of matching posts.
    public func posts(topicSlug: String? = nil, sort: PostSort? = nil, limit: Int? = nil, offset: Int? = nil) async throws -> PostPage {
        let query = postQuery(topicSlug, sort, limit, offset)
        let list = try await executor.fetch(ListPayload<Post>.self, .communityPosts, query: query)
        return PostPage(posts: list.items, count: list.count ?? list.items.count)
    }

    /// Every public post, optionally of one topic, fetched page by page as you iterate.
    public func allPosts(topicSlug: String? = nil, sort: PostSort? = nil, pageSize: Int = APILimits.posts.max) -> PaginatedSequence<Post> {
        PaginatedSequence(pageSize: pageSize) { [self] limit, offset in
            let query = postQuery(topicSlug, sort, limit, offset)
            let list = try await executor.fetch(ListPayload<Post>.self, .communityPosts, query: query)
            return (list.items, list.count, executor.label(.communityPosts, query: query))
        }
    }

    private func postQuery(_ topicSlug: String?, _ sort: PostSort?, _ limit: Int?, _ offset: Int?) -> [(String, String)] {
        RequestExecutor.query(
            (APIParameter.topic[0], topicSlug), (APIParameter.sort[0], sort?.rawValue),
            (APIParameter.limit[0], limit.map(String.init)), (APIParameter.offset[0], offset.map(String.init)))
    }

    /// One post with all of its comments (oldest first), or `nil` if there is no post with that slug.
    public func post(slug: String) async throws -> PostThread? {
        try requireSlug(slug)
        do {
            return try await executor.fetch(ThreadPayload.self, .communityPost, slug: slug).thread
        } catch let error as CStarError where error.kind == .notFound {
            return nil
        }
    }

    /// Searches public posts by title and body.
    public func search(_ query: String, limit: Int? = nil) async throws -> PostSearchResults {
        var parameters = [(APIParameter.query[0], query)]
        if let limit { parameters.append((APIParameter.limit[0], String(limit))) }
        let list = try await executor.fetch(ListPayload<Post>.self, .communitySearch, query: parameters)
        return PostSearchResults(hits: list.items, count: list.count ?? list.items.count)
    }
}
