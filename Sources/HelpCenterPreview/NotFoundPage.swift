import Hummingbird

/// Answers a missing file with the site's own `404.html` and status 404.
struct NotFoundPage<Context: RequestContext>: RouterMiddleware {
    let files: SiteFileProvider

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            let response = try await next(request, context)
            return response.status == .notFound ? notFound() : response
        } catch let error as HTTPError where error.status == .notFound {
            return notFound()
        }
    }

    func notFound() -> Response {
        var headers = HTTPFields()
        headers[.cacheControl] = "no-cache"
        if let id = files.getFileIdentifier("404.html"), let page = try? files.contents(id) {
            headers[.contentType] = "text/html; charset=utf-8"
            return Response(status: .notFound, headers: headers, body: .init(byteBuffer: page))
        }
        headers[.contentType] = "text/plain; charset=utf-8"
        return Response(status: .notFound, headers: headers, body: .init(byteBuffer: .init(string: "Not found\n")))
    }
}
