import Foundation
import Hummingbird

/// What the preview server answers before it looks for a file: methods other than GET and HEAD (405),
/// URLs outside the site's base path (`/` redirects to it, anything else is missing), and folders
/// without their slash (redirected, with the query kept). A URL under the base path reaches the next
/// responder as the path inside the site folder.
struct SiteRequests<Context: RequestContext>: RouterMiddleware {
    /// The base path, decoded, with a slash at each end.
    let basePath: String
    let files: SiteFileProvider

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD"
            headers[.contentType] = "text/plain; charset=utf-8"
            return Response(status: .methodNotAllowed, headers: headers, body: .init(byteBuffer: .init(string: "Method not allowed\n")))
        }
        guard let path = request.uri.path.removingPercentEncoding else {
            throw HTTPError(.badRequest, message: "Invalid percent encoding in URL")
        }
        let query = request.uri.query
        guard path.hasPrefix(basePath) else {
            if path == "/" || path + "/" == basePath { return Self.redirect(to: basePath, query: query, type: .found) }
            throw HTTPError(.notFound)
        }
        let inSite = "/" + path.dropFirst(basePath.count).drop { $0 == "/" }
        if !inSite.hasSuffix("/"), files.isFolder(inSite) {
            return Self.redirect(to: basePath + inSite.dropFirst() + "/", query: query, type: .permanent)
        }
        var head = request.head
        head.path = inSite.encodedURLPath + (query.map { "?" + $0 } ?? "")
        return try await next(Request(head: head, body: request.body), context)
    }

    /// A redirect to the decoded path `path`, with the request's query.
    static func redirect(to path: String, query: String?, type: Response.RedirectType) -> Response {
        .redirect(to: path.encodedURLPath + (query.map { "?" + $0 } ?? ""), type: type)
    }
}

extension String {
    /// The string as a URL path, percent-encoded (a `%` too, so it decodes back to the string).
    var encodedURLPath: String {
        addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? self
    }
}
