import Foundation

/// Writes the articles of a synthetic corpus as a Hugo site, so that Hugo and helpcenter can be timed
/// doing comparable work on the same Markdown (see `Benchmarks/README.md`).
///
/// The site: `hugo.toml` (Goldmark with tables, strikethrough, linkify and task lists; no taxonomies,
/// RSS or sitemap; code fences left unhighlighted, as helpcenter leaves them), one section per
/// category (`content/<category-slug>/_index.md`), one page per article
/// (`content/<category-slug>/<article-slug>.md`, TOML front matter: title, date, description, views,
/// tags and category as plain params) with the article's Markdown unchanged, and minimal templates: a
/// layout with the category navigation, an article page (breadcrumbs, date, reading time, table of
/// contents, previous and next in the category, related articles), a category page, a home page
/// (categories with article counts, popular articles) and a 404 page.
///
/// The output depends only on the corpus options: the same options give the same bytes.
public struct HugoSiteWriter: Sendable {
    /// The file a written site holds at its top, naming what wrote it: a folder with it may be replaced.
    public static let markerName = ".helpcenter-corpus-hugo"

    public let generator: CorpusGenerator

    public init(generator: CorpusGenerator) {
        self.generator = generator
    }

    public enum WriteError: Error, CustomStringConvertible {
        case notReplaceable(String)
        case io(String, String)

        public var description: String {
            switch self {
            case .notReplaceable(let path):
                return "'\(path)' exists and is not empty, and is not a Hugo site written by helpcenter-corpus "
                    + "(it has no \(HugoSiteWriter.markerName)); choose another folder or remove it"
            case .io(let path, let message):
                return "cannot write '\(path)': \(message)"
            }
        }
    }

    /// Whether `folder` may be written: it does not exist, is an empty folder, or holds a site this
    /// writer wrote before (which `write(replacing:)` replaces entirely).
    public static func canReplace(_ folder: URL) throws -> Bool {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else { return true }
        guard isFolder.boolValue else { return false }
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return entries.isEmpty || entries.contains(markerName)
    }

    /// Writes the site into a staging folder beside `folder`, then puts it in place of `folder`. A
    /// folder that `canReplace` refuses is left alone and an error thrown; a previous site (including
    /// a `public/` or `resources/` folder Hugo may have written inside it) is replaced entirely.
    public func write(replacing folder: URL) throws {
        let folder = folder.standardizedFileURL
        guard try Self.canReplace(folder) else { throw WriteError.notReplaceable(folder.path) }
        let parent = folder.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).partial-\(pid)")
        let old = parent.appendingPathComponent(".\(folder.lastPathComponent).old-\(pid)")
        try? FileManager.default.removeItem(at: staging)
        do {
            try write(into: staging)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
        let exists = FileManager.default.fileExists(atPath: folder.path)
        if exists { try Self.rename(folder, old) }
        do {
            try Self.rename(staging, folder)
        } catch {
            if exists { try? Self.rename(old, folder) }
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
        if exists { try FileManager.default.removeItem(at: old) }
    }

    /// Writes the site's files into `folder`, which must not exist yet or be empty.
    public func write(into folder: URL) throws {
        let categories = generator.categories
        let count = generator.options.articles
        let content = folder.appendingPathComponent("content")
        for category in categories {
            try FileManager.default.createDirectory(
                at: content.appendingPathComponent(category.slug), withIntermediateDirectories: true)
        }
        let layouts = folder.appendingPathComponent("layouts")
        for sub in ["_default", "partials"] {
            try FileManager.default.createDirectory(at: layouts.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("static"), withIntermediateDirectories: true)

        try Self.writeFile(folder.appendingPathComponent(Self.markerName),
                           "helpcenter-corpus Hugo site: \(count) articles, seed \(generator.options.seed)\n")
        try Self.writeFile(folder.appendingPathComponent("hugo.toml"), Self.config(title: "Benchmark Help Center"))
        try Self.writeFile(content.appendingPathComponent("_index.md"), "+++\ntitle = \"Benchmark Help Center\"\n+++\n")
        for (index, category) in categories.enumerated() {
            try Self.writeFile(
                content.appendingPathComponent(category.slug).appendingPathComponent("_index.md"),
                "+++\ntitle = \(Self.toml(category.name))\ndescription = \(Self.toml("Articles about \(category.name.lowercased())."))\n"
                    + "weight = \(index + 1)\n+++\n")
        }
        for (path, text) in Self.templates {
            try Self.writeFile(folder.appendingPathComponent(path), text)
        }

        // Articles are independent: generate and write them in parallel, in chunks.
        let chunk = 256
        let chunks = (count + chunk - 1) / chunk
        let failure = FirstError()
        let generator = generator
        DispatchQueue.concurrentPerform(iterations: chunks) { number in
            guard !failure.isSet else { return }
            for index in (number * chunk)..<min(count, (number + 1) * chunk) {
                let article = generator.article(index)
                let url = content.appendingPathComponent(article.categorySlug).appendingPathComponent(article.slug + ".md")
                do {
                    try Self.writeFile(url, Self.page(article))
                } catch {
                    failure.set(error)
                    return
                }
            }
        }
        if let error = failure.error { throw error }
    }

    /// The content file of one article: TOML front matter and the article's Markdown.
    static func page(_ article: CorpusGenerator.Article) -> String {
        var text = "+++\n"
        text += "title = \(toml(article.title))\n"
        text += "date = \(toml(article.publishedAt))\n"
        text += "description = \(toml(article.excerpt))\n"
        text += "views = \(article.viewCount)\n"
        text += "tags = [" + article.tags.map(toml).joined(separator: ", ") + "]\n"
        text += "category = \(toml(article.categorySlug))\n"
        text += "+++\n\n"
        text += article.content
        return text
    }

    /// A TOML basic string.
    static func toml(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func writeFile(_ url: URL, _ text: String) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw WriteError.io(url.path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var text = text
        try text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw WriteError.io(url.path, String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    static func rename(_ from: URL, _ to: URL) throws {
        guard Foundation.rename(from.path, to.path) == 0 else {
            throw WriteError.io(to.path, "cannot move \(from.path) here: \(String(cString: strerror(errno)))")
        }
    }

    final class FirstError: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: Error?
        var isSet: Bool { lock.withLock { stored != nil } }
        var error: Error? { lock.withLock { stored } }
        func set(_ error: Error) { lock.withLock { if stored == nil { stored = error } } }
    }

    // MARK: - Configuration and templates

    static func config(title: String) -> String {
        #"""
        # Written by helpcenter-corpus: the same articles as the snapshot, for benchmarks against helpcenter.
        baseURL = "/"
        title = \#(toml(title))
        languageCode = "en"
        # No taxonomies (tags and category below are plain page params), no RSS, no sitemap.
        disableKinds = ["taxonomy", "term", "RSS", "sitemap"]
        enableRobotsTXT = false

        [taxonomies]

        [markup]
          defaultMarkdownHandler = "goldmark"
          [markup.goldmark.extensions]
            table = true
            strikethrough = true
            linkify = true
            taskList = true
            footnote = true
            definitionList = false
            typographer = false
          [markup.goldmark.renderer]
            unsafe = false
          [markup.goldmark.parser]
            autoHeadingID = true
            autoHeadingIDType = "github"
          # helpcenter does not highlight code blocks; neither does this site.
          [markup.highlight]
            codeFences = false
          [markup.tableOfContents]
            startLevel = 2
            endLevel = 3
            ordered = true

        # Related articles as helpcenter picks them: shared tags count twice, the same category once.
        [related]
          includeNewer = true
          threshold = 0
          toLower = false
          [[related.indices]]
            name = "tags"
            weight = 2
          [[related.indices]]
            name = "category"
            weight = 1

        """#
    }

    static let templates: [(String, String)] = [
        ("layouts/_default/baseof.html", #"""
        <!DOCTYPE html>
        <html lang="{{ site.LanguageCode }}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
        {{ with .Description }}<meta name="description" content="{{ . }}">
        {{ end }}<meta name="color-scheme" content="light dark">
        <link rel="stylesheet" href="{{ "site.css" | relURL }}">
        </head>
        <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header"><a class="site-title" href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
        <div class="layout">
        {{ partialCached "nav.html" . .Section }}
        <main id="main">
        {{ block "main" . }}{{ end }}
        </main>
        </div>
        <footer class="site-footer"><p>© {{ site.Title }}</p></footer>
        </body>
        </html>

        """#),
        ("layouts/partials/nav.html", #"""
        <nav class="category-nav" aria-label="Categories">
        <ul>
        {{ range site.Sections }}<li><a href="{{ .RelPermalink }}"{{ if eq .Section $.Section }} aria-current="page"{{ end }}>{{ .Title }}</a></li>
        {{ end }}</ul>
        </nav>

        """#),
        ("layouts/_default/single.html", #"""
        {{ define "main" }}
        <nav class="breadcrumbs" aria-label="Breadcrumb"><ol>
        <li><a href="{{ site.Home.RelPermalink }}">Home</a></li>
        {{ with .Parent }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
        <li aria-current="page">{{ .Title }}</li>
        </ol></nav>
        <article class="article">
        <header class="page-header">
        <h1>{{ .Title }}</h1>
        <p class="meta">Updated <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "January 2, 2006" }}</time> · {{ .ReadingTime }} min read</p>
        </header>
        <aside class="toc" aria-label="On this page">
        <h2>On this page</h2>
        {{ .TableOfContents }}
        </aside>
        <div class="prose">
        {{ .Content }}
        </div>
        {{ with .Params.tags }}<p class="tags">Tags: {{ delimit . ", " }}</p>{{ end }}
        <nav class="pager" aria-label="More in this category">
        {{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}"><span>Previous</span> {{ .Title }}</a>{{ end }}
        {{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}"><span>Next</span> {{ .Title }}</a>{{ end }}
        </nav>
        </article>
        {{ with first 5 (site.RegularPages.Related .) }}
        <aside class="related" aria-label="Related articles">
        <h2>Related articles</h2>
        <ul>
        {{ range . }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
        {{ end }}</ul>
        </aside>
        {{ end }}
        {{ end }}

        """#),
        ("layouts/_default/list.html", #"""
        {{ define "main" }}
        <nav class="breadcrumbs" aria-label="Breadcrumb"><ol>
        <li><a href="{{ site.Home.RelPermalink }}">Home</a></li>
        <li aria-current="page">{{ .Title }}</li>
        </ol></nav>
        <header class="page-header">
        <h1>{{ .Title }}</h1>
        {{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
        {{ $count := len .RegularPages }}<p class="meta">{{ $count }} {{ cond (eq $count 1) "article" "articles" }}</p>
        </header>
        <ul class="article-list">
        {{ range .RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Description }}<p>{{ . }}</p>{{ end }}</li>
        {{ end }}</ul>
        {{ end }}

        """#),
        ("layouts/index.html", #"""
        {{ define "main" }}
        <section class="hero"><h1>How can we help?</h1></section>
        <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">Browse by category</h2>
        <ul class="card-grid">
        {{ range site.Sections }}{{ $count := len .RegularPages }}<li class="card"><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>{{ with .Description }}<p>{{ . }}</p>{{ end }}<p class="meta">{{ $count }} {{ cond (eq $count 1) "article" "articles" }}</p></li>
        {{ end }}</ul>
        </section>
        <section aria-labelledby="popular-heading">
        <h2 id="popular-heading">Popular articles</h2>
        <ol class="link-list">
        {{ range first 10 (site.RegularPages.ByParam "views").Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <span class="meta">{{ .Parent.Title }}</span></li>
        {{ end }}</ol>
        </section>
        {{ end }}

        """#),
        ("layouts/404.html", #"""
        {{ define "main" }}
        <h1>Page not found</h1>
        <p>The page you asked for is not here. <a href="{{ site.Home.RelPermalink }}">Browse the help center</a>.</p>
        {{ end }}

        """#),
        ("static/site.css", #"""
        body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1d2330; }
        .skip-link { position: absolute; left: -999px; }
        .site-header, .site-footer { padding: 1rem 2rem; background: #f4f5f8; }
        .layout { display: flex; gap: 2rem; padding: 0 2rem; }
        .category-nav { flex: 0 0 14rem; font-size: 0.9rem; }
        .category-nav ul, .breadcrumbs ol { list-style: none; padding: 0; }
        .breadcrumbs li { display: inline; }
        .breadcrumbs li + li::before { content: " › "; }
        main { flex: 1; min-width: 0; max-width: 48rem; }
        .meta { color: #5b6275; font-size: 0.9rem; }
        .prose table { border-collapse: collapse; }
        .prose td, .prose th { border: 1px solid #d5d9e2; padding: 0.25rem 0.5rem; }
        .prose pre { background: #f4f5f8; padding: 0.75rem; overflow-x: auto; }
        .card-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem; padding: 0; list-style: none; }
        .card { border: 1px solid #d5d9e2; border-radius: 6px; padding: 0 1rem; }

        """#),
    ]
}
