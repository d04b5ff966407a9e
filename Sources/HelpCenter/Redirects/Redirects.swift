import Foundation

/// The old URLs of pages whose slug changed, each leading to the page's current URL: a small HTML page
/// at the old path, and one `_redirects` file (the format Netlify and Cloudflare Pages read).
struct Redirects {
    struct Redirect: Sendable, Hashable {
        /// Site paths, e.g. `articles/old-slug/` to `articles/new-slug/`.
        var from: String
        var to: String
    }

    var redirects: [Redirect]
    /// The history with this build's slugs added.
    var history: SlugHistory

    /// Records `content`'s slugs in `history`, then lists a redirect for every earlier slug of a page that
    /// no page of the same kind uses now.
    init(content: SiteContent, history: SlugHistory) {
        var history = history
        var current: [(SlugHistory.Kind, id: String, slug: String, path: (String) -> String)] = []
        current += content.articles.map { (.articles, $0.id, $0.slug, SitePaths.article) }
        current += content.categories.map { (.categories, $0.id, $0.slug, SitePaths.category) }
        current += content.topics.map { (.topics, $0.id, $0.slug, { SitePaths.topic($0) }) }
        current += content.posts.map { (.posts, $0.id, $0.slug, SitePaths.post) }
        var live: [SlugHistory.Kind: Set<String>] = [:]
        for entry in current {
            history.record(entry.0, id: entry.id, slug: entry.slug)
            live[entry.0, default: []].insert(entry.slug)
        }
        var redirects = Set<Redirect>()
        for entry in current {
            for old in history.slugs[entry.0]?[entry.id] ?? [] where old != entry.slug && !live[entry.0, default: []].contains(old) {
                guard SlugPolicy.safeSlug(old) == old else { continue }
                redirects.insert(Redirect(from: entry.path(old), to: entry.path(entry.slug)))
            }
        }
        // An old path two pages once had leads to one of them.
        var seen = Set<String>()
        self.redirects = redirects.sorted { ($0.from, $0.to) < ($1.from, $1.to) }.filter { seen.insert($0.from).inserted }
        self.history = history
    }

    /// The files to write: a page at each old path, and `_redirects`.
    func files(options: SiteOptions) -> [(path: String, text: String)] {
        guard !redirects.isEmpty else { return [] }
        var files = redirects.map { redirect -> (String, String) in
            let target = SitePaths.root(from: redirect.from) + redirect.to
            let canonical = options.absoluteURL(redirect.to) ?? target
            let html = """
                <!DOCTYPE html>
                <html lang="\(HTML.escape(options.language))">
                <head>
                <meta charset="utf-8">
                <title>Moved</title>
                <meta name="robots" content="noindex">
                <link rel="canonical" href="\(HTML.escape(canonical))">
                <meta http-equiv="refresh" content="0; url=\(HTML.escape(target))">
                </head>
                <body>
                <p>This page has moved to <a href="\(HTML.escape(target))">\(HTML.escape(target))</a>.</p>
                </body>
                </html>

                """
            return (SitePaths.file(for: redirect.from), html)
        }
        let lines = redirects.map { "\(options.basePath)\($0.from) \(options.basePath)\($0.to) 301" }
        files.append(("_redirects", lines.joined(separator: "\n") + "\n"))
        return files
    }
}
