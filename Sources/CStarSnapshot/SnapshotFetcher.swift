import CStar
import Foundation

/// Fetches a whole team through the SDK into a ``Snapshot``: all categories, every article in full,
/// popular articles, stats, topics, and every public post with its comments.
public struct SnapshotFetcher: Sendable {
    /// What the fetcher is doing, for progress display.
    public struct Progress: Sendable, Hashable {
        public var phase: String
        public var done: Int
        /// `nil` while the number is not known yet.
        public var total: Int?
    }

    public let library: LibraryClient
    public let community: CommunityClient
    /// How many requests may be in flight at once.
    public let concurrency: Int

    public init(library: LibraryClient, community: CommunityClient, concurrency: Int = 8) {
        self.library = library
        self.community = community
        self.concurrency = max(1, concurrency)
    }

    /// Fetches everything; throws the first ``CStarError`` that survives the clients' retries.
    public func fetch(
        teamName: String? = nil, now: Date = Date(), progress: @escaping @Sendable (Progress) -> Void = { _ in }
    ) async throws -> Snapshot {
        progress(Progress(phase: "categories", done: 0, total: nil))
        let categories = try await library.categories()

        // Per category, as the contract's generator rule says; an article listed twice is kept once.
        let listed = try await concurrentMap(categories, progress: progress, phase: "article lists") { category in
            try await Array(library.allArticles(categorySlug: category.slug))
        }
        var seen = Set<String>()
        let summaries = listed.joined().filter { seen.insert($0.slug).inserted }
        let articles = try await concurrentMap(summaries, progress: progress, phase: "articles") { summary in
            try await library.article(slug: summary.slug)
        }.compactMap { $0 }

        progress(Progress(phase: "popular and stats", done: 0, total: nil))
        let popular = try await optional { try await library.popularArticles(limit: APILimits.popular.max) } ?? []
        let stats = try await optional { try await library.stats() }

        let community = try await fetchCommunity(progress: progress)
        return Snapshot(
            team: Snapshot.Team(slug: library.teamSlug, name: teamName),
            fetchedAt: ISODate.format(now),
            baseURL: library.baseURL.absoluteString,
            library: Snapshot.Library(
                categories: categories, articles: articles, popular: popular.map(\.slug), stats: stats),
            community: community
        )
    }

    private func fetchCommunity(progress: @escaping @Sendable (Progress) -> Void) async throws -> Snapshot.Community? {
        progress(Progress(phase: "topics", done: 0, total: nil))
        // A team without a community forum answers 404 here.
        guard let topics = try await optional({ try await community.topics() }) else { return nil }
        progress(Progress(phase: "post lists", done: 0, total: nil))
        let summaries = try await Array(community.allPosts(sort: .recent))
        let threads = try await concurrentMap(summaries, progress: progress, phase: "posts") { summary in
            try await community.post(slug: summary.slug)
        }.compactMap { $0 }
        var comments: [String: [Comment]] = [:]
        for thread in threads { comments[thread.post.slug] = thread.comments }
        return Snapshot.Community(topics: topics, posts: threads.map(\.post), comments: comments)
    }

    /// `nil` when the route answers 404 (an endpoint this team or server does not have).
    private func optional<T>(_ operation: () async throws -> T) async throws -> T? {
        do {
            return try await operation()
        } catch let error as CStarError where error.kind == .notFound {
            return nil
        }
    }

    /// Maps `items` with at most ``concurrency`` calls in flight, keeping the input order.
    private func concurrentMap<Input: Sendable, Output: Sendable>(
        _ items: [Input], progress: @escaping @Sendable (Progress) -> Void, phase: String,
        _ transform: @escaping @Sendable (Input) async throws -> Output
    ) async throws -> [Output] {
        var results = [Output?](repeating: nil, count: items.count)
        progress(Progress(phase: phase, done: 0, total: items.count))
        try await withThrowingTaskGroup(of: (Int, Output).self) { group in
            var next = 0
            var done = 0
            while next < min(concurrency, items.count) {
                let index = next
                group.addTask { (index, try await transform(items[index])) }
                next += 1
            }
            while let (index, output) = try await group.next() {
                results[index] = output
                done += 1
                progress(Progress(phase: phase, done: done, total: items.count))
                if next < items.count {
                    let index = next
                    group.addTask { (index, try await transform(items[index])) }
                    next += 1
                }
            }
        }
        return results.map { $0! }
    }
}

extension Array {
    init<S: AsyncSequence>(_ sequence: S) async throws where S.Element == Element {
        self.init()
        for try await element in sequence { append(element) }
    }
}
