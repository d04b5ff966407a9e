import Foundation

/// The cStar public knowledge-base API of one team, at parity with the TypeScript SDK's `LibraryClient`.
///
/// ```swift
/// let library = LibraryClient(teamSlug: "acme")
/// for category in try await library.categories() { print(category.name) }
/// if let article = try await library.article(slug: "update-billing-email") { print(article.content ?? "") }
/// ```
public struct LibraryClient: Sendable {
    public let teamSlug: String
    public let baseURL: URL
    let executor: RequestExecutor

    /// - Parameters:
    ///   - teamSlug: the team's slug (its UUID works too).
    ///   - baseURL: the API origin, `https://www.cstar.help` by default.
    public init(
        teamSlug: String, baseURL: URL = ClientConfiguration.defaultBaseURL,
        configuration: ClientConfiguration = ClientConfiguration()
    ) {
        self.teamSlug = teamSlug
        self.baseURL = baseURL
        executor = RequestExecutor(baseURL: baseURL, team: teamSlug, configuration: configuration)
    }

    /// All public categories, in display order.
    public func categories() async throws -> [Category] {
        try await executor.fetch(ListPayload<Category>.self, .libraryCategories).items
    }

    /// One page of articles (list form: `content` may be absent), optionally of one category.
    public func articles(categorySlug: String? = nil, limit: Int? = nil, offset: Int? = nil) async throws -> [LibraryArticle] {
        try await executor.fetch(ListPayload<LibraryArticle>.self, .libraryArticles, query: articleQuery(categorySlug, limit, offset)).items
    }

    /// Every article (list form), optionally of one category, fetched page by page as you iterate.
    public func allArticles(categorySlug: String? = nil, pageSize: Int = APILimits.articles.max) -> PaginatedSequence<LibraryArticle> {
        PaginatedSequence(pageSize: pageSize) { [self] limit, offset in
            let query = articleQuery(categorySlug, limit, offset)
            let list = try await executor.fetch(ListPayload<LibraryArticle>.self, .libraryArticles, query: query)
            return (list.items, list.count, executor.label(.libraryArticles, query: query))
        }
    }

    private func articleQuery(_ categorySlug: String?, _ limit: Int?, _ offset: Int?) -> [(String, String)] {
        RequestExecutor.query(
            (APIParameter.category[0], categorySlug), (APIParameter.limit[0], limit.map(String.init)),
            (APIParameter.offset[0], offset.map(String.init)))
    }

    /// One article with its Markdown `content`, or `nil` if the team has no article with that slug.
    public func article(slug: String) async throws -> LibraryArticle? {
        try requireSlug(slug)
        do {
            return try await executor.fetch(LibraryArticle?.self, .libraryArticle, slug: slug)
        } catch let error as CStarError where error.kind == .notFound {
            return nil
        }
    }

    /// Searches published articles; each hit carries a highlighted excerpt.
    public func search(_ query: String, limit: Int? = nil) async throws -> LibrarySearchResults {
        var parameters = [(APIParameter.query[0], query)]
        if let limit { parameters.append((APIParameter.limit[0], String(limit))) }
        let list = try await executor.fetch(ListPayload<LibraryArticle>.self, .librarySearch, query: parameters)
        return LibrarySearchResults(hits: list.items, count: list.count ?? list.items.count)
    }

    /// The most viewed articles, most viewed first.
    public func popularArticles(limit: Int? = nil) async throws -> [LibraryArticle] {
        let query = limit.map { [(APIParameter.limit[0], String($0))] } ?? []
        return try await executor.fetch(ListPayload<LibraryArticle>.self, .libraryPopular, query: query).items
    }

    /// Totals of articles, categories and views.
    public func stats() async throws -> LibraryStats {
        try await executor.fetch(LibraryStats.self, .libraryStats)
    }

    /// Records one view of an article (for analytics; a static generator should not call this at build time).
    public func recordView(slug: String) async throws {
        try requireSlug(slug)
        try await executor.send(.libraryRecordView, slug: slug)
    }

    /// Sends a reader's "was this helpful?" answer, with optional text.
    public func submitFeedback(slug: String, isHelpful: Bool, feedbackText: String? = nil) async throws {
        try requireSlug(slug)
        var body: JSONObject = [
            APIParameter.feedbackRating[0]: .string(isHelpful ? APIParameter.ratingHelpful : APIParameter.ratingNotHelpful)
        ]
        if let feedbackText { body[APIParameter.feedbackText[0]] = .string(feedbackText) }
        try await executor.send(.libraryFeedback, slug: slug, body: body)
    }
}

/// Rejects an empty slug before any request, as it would address a different route.
func requireSlug(_ slug: String) throws {
    guard slug.isEmpty else { return }
    throw CStarError(kind: .validation, request: "(not sent)", message: "slug must not be empty", param: "slug")
}
