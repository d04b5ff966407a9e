import CStar
import Foundation
import Hummingbird

/// Answers the routes of ``APIRoute`` from an ``EmulatorStore``.
struct EmulatorAPI: Sendable {
    let store: EmulatorStore
    let recorder: EmulatorRecorder
    /// Answer `200 {"data": null}` instead of 404 for an unknown article or post slug.
    let notFoundAsNull: Bool
    /// Answer without the `{ success, data, meta }` envelope.
    let bareResponses: Bool
    /// The largest `limit` served, below the contract's maxima.
    let maxLimit: Int?
    /// Serve every list from its start, whatever `offset` asks for.
    let ignoresOffset: Bool

    /// A failure answer thrown out of a handler.
    struct Failure: Error { let result: APIResult }

    func respond(_ route: APIRoute, _ request: Request, _ context: EmulatorContext) async throws -> Response {
        let result: APIResult
        do {
            result = try await handle(route, request, context)
        } catch let failure as Failure {
            result = failure.result
        }
        return result.response(requestID: context.requestID, fault: context.bodyFault, bare: bareResponses)
    }

    private func handle(_ route: APIRoute, _ request: Request, _ context: EmulatorContext) async throws -> APIResult {
        let id = context.requestID
        let team = context.parameters.get("team") ?? ""
        guard store.isTeam(team) else { throw Failure(result: .notFound("No team '\(team)'.", requestID: id)) }
        let query = QueryReader(request: request, requestID: id, maxLimit: maxLimit, ignoresOffset: ignoresOffset)
        let slug = context.parameters.get("slug") ?? ""

        switch route {
        case .libraryCategories:
            return .success(store.categories.jsonValue, requestID: id)
        case .libraryArticles:
            let limit = try query.int(APIParameter.limit, default: APILimits.articles.default, max: APILimits.articles.max)
            let offset = try query.offset()
            let page = store.articles(inCategory: query.string(APIParameter.category)).dropFirst(offset).prefix(limit)
            return .success(page.map { $0.listForm }.jsonValue, requestID: id)
        case .libraryArticle:
            guard let article = store.articlesBySlug[slug] else { return missing("article", slug, id) }
            return .success(.object(article.json), requestID: id)
        case .librarySearch:
            guard let text = query.string(APIParameter.query) else {
                throw Failure(result: .badParameter("q", "Missing required parameter 'q'.", code: "parameter_missing", requestID: id))
            }
            let limit = try query.int(APIParameter.limit, default: APILimits.librarySearch.default, max: APILimits.librarySearch.max)
            let hits = store.searchArticles(text)
            let data = hits.prefix(limit).map { hit -> JSONValue in
                var json = hit.item.listForm.json
                json["highlight"] = .string(hit.highlight)
                return .object(json)
            }
            return .success(.array(data), extra: ["count": .int(Int64(hits.count))], requestID: id)
        case .libraryPopular:
            let limit = try query.int(APIParameter.limit, default: APILimits.popular.default, max: APILimits.popular.max)
            return .success(store.popular().prefix(limit).map(\.listForm).jsonValue, requestID: id)
        case .libraryStats:
            return .success(.object(store.stats().json), requestID: id)
        case .libraryRecordView:
            guard store.articlesBySlug[slug] != nil else { return .notFound("No article with slug '\(slug)'.", requestID: id) }
            recorder.recordView(slug)
            return .success(["recorded": true], requestID: id)
        case .libraryFeedback:
            guard store.articlesBySlug[slug] != nil else { return .notFound("No article with slug '\(slug)'.", requestID: id) }
            let body = try await request.body.collect(upTo: 64 * 1024)
            let json = (try? JSONDecoder().decode(JSONValue.self, from: Data(buffer: body)))?.objectValue ?? [:]
            guard let isHelpful = Self.rating(in: json) else {
                throw Failure(result: .badParameter(
                    "rating", "Missing or invalid 'rating': use \"helpful\" or \"not_helpful\".",
                    code: "parameter_missing", requestID: id))
            }
            let text = APIParameter.feedbackText.lazy.compactMap { json[$0]?.stringValue }.first
            recorder.recordFeedback(.init(slug: slug, isHelpful: isHelpful, text: text))
            return .success(["recorded": true], requestID: id)
        case .communityTopics:
            return .success(store.topics.jsonValue, requestID: id)
        case .communityPosts:
            let limit = try query.int(APIParameter.limit, default: APILimits.posts.default, max: APILimits.posts.max)
            let offset = try query.offset()
            let sort = try query.sort()
            let posts = store.posts(topic: query.string(APIParameter.topic), sort: sort)
            let page = Array(posts.dropFirst(offset).prefix(limit))
            return .success(["posts": page.jsonValue, "count": .int(Int64(posts.count))], requestID: id)
        case .communityPost:
            guard let post = store.postsBySlug[slug] else { return missing("post", slug, id) }
            return .success(["post": .object(post.json), "comments": store.comments(of: post).jsonValue], requestID: id)
        case .communitySearch:
            guard let text = query.string(APIParameter.query) else {
                throw Failure(result: .badParameter("q", "Missing required parameter 'q'.", code: "parameter_missing", requestID: id))
            }
            let limit = try query.int(APIParameter.limit, default: APILimits.communitySearch.default, max: APILimits.communitySearch.max)
            let hits = store.searchPosts(text)
            let data = hits.prefix(limit).map { hit -> JSONValue in
                var json = hit.item.json
                json["highlight"] = .string(hit.highlight)
                return .object(json)
            }
            return .success(.array(data), extra: ["count": .int(Int64(hits.count))], requestID: id)
        }
    }

    private func missing(_ kind: String, _ slug: String, _ id: String) -> APIResult {
        notFoundAsNull ? .success(.null, requestID: id) : .notFound("No \(kind) with slug '\(slug)'.", requestID: id)
    }

    /// The feedback's rating under any spelling the contract allows (§3.8).
    static func rating(in body: JSONObject) -> Bool? {
        for name in APIParameter.feedbackRating {
            switch body[name] {
            case .string(APIParameter.ratingHelpful)?, .bool(true)?, .int(1)?: return true
            case .string(APIParameter.ratingNotHelpful)?, .bool(false)?, .int(-1)?, .int(0)?: return false
            default: continue
            }
        }
        return nil
    }
}

/// Reads query parameters under any of their accepted names; a bad value is a 400 naming the parameter.
struct QueryReader {
    let request: Request
    let requestID: String
    /// Lowers every route's largest `limit` to this.
    let maxLimit: Int?
    /// `offset` is read as 0.
    let ignoresOffset: Bool

    func string(_ names: [String]) -> String? {
        for name in names {
            if let value = request.uri.queryParameters[Substring(name)] { return String(value) }
        }
        return nil
    }

    /// A positive integer, clamped to `1...max` (and to ``maxLimit``).
    func int(_ names: [String], default value: Int, max: Int) throws -> Int {
        let top = Swift.min(max, maxLimit ?? max)
        guard let text = string(names) else { return Swift.min(value, top) }
        guard let number = Int(text) else {
            throw EmulatorAPI.Failure(result: .badParameter(names[0], "'\(names[0])' must be an integer.", requestID: requestID))
        }
        return Swift.min(Swift.max(number, 1), top)
    }

    func offset() throws -> Int {
        guard !ignoresOffset, let text = string(APIParameter.offset) else { return 0 }
        guard let number = Int(text), number >= 0 else {
            throw EmulatorAPI.Failure(result: .badParameter("offset", "'offset' must be a whole number.", requestID: requestID))
        }
        return number
    }

    func sort() throws -> PostSort {
        guard let text = string(APIParameter.sort) else { return .recent }
        guard let sort = PostSort(rawValue: text) else {
            let allowed = PostSort.allCases.map(\.rawValue).joined(separator: ", ")
            throw EmulatorAPI.Failure(result: .badParameter("sort", "'sort' must be one of \(allowed).", requestID: requestID))
        }
        return sort
    }
}
