import CStar
import CStarSnapshot
import Foundation
import HelpCenterResources

/// Builds a static help center from a snapshot (or straight from the API) into a folder.
///
/// ```swift
/// let builder = SiteBuilder(options: SiteOptions(output: URL(fileURLWithPath: "_site")))
/// let report = try await builder.build(snapshot: try Snapshot(contentsOf: url))
/// print(report.summary)
/// ```
///
/// The output is written atomically (a failed build leaves the previous site as it was) and is
/// deterministic: the same snapshot and theme give byte-identical files.
public struct SiteBuilder: Sendable {
    public var options: SiteOptions

    public init(options: SiteOptions) {
        self.options = options
    }

    /// Fetches the team through the clients, then builds.
    public func build(library: LibraryClient, community: CommunityClient, teamName: String? = nil) async throws -> BuildReport {
        let snapshot = try await SnapshotFetcher(library: library, community: community).fetch(teamName: teamName)
        return try await build(snapshot: snapshot)
    }

    public func build(snapshot: Snapshot) async throws -> BuildReport {
        var clock = PhaseClock()
        let theme = try Theme(overrides: options.templates)
        let assets = try assetFiles()
        let content = SiteContent(snapshot: snapshot)
        clock.finish("content")

        let output = try OutputFolder.prepare(
            options.output, force: options.force, inputs: [options.templates, options.publicFolder].compactMap { $0 })
        do {
            var files = 1
            var bytes = OutputFolder.markerText.utf8.count
            for asset in assets.files {
                let data: Data
                do { data = try Data(contentsOf: asset.url) } catch {
                    throw BuildError.input("cannot read \(asset.url.path): \((error as NSError).localizedDescription)")
                }
                try output.write(data, to: asset.path)
                files += 1
                bytes += data.count
            }
            clock.finish("assets")

            let renderer = PageRenderer(content: content, options: options, theme: theme)
            let pages = try await renderPages(renderer, into: output)
            clock.finish("pages")

            let index = SearchIndexBuilder().build(pages.compactMap(\.search))
            for file in index.files { try output.write(file.data, to: file.path) }
            files += index.files.count
            bytes += index.bytes
            clock.finish("search index")

            var extras: [(String, String)] = [(SitePaths.robots, SiteFeeds.robots(options: options))]
            let sitemapPages = pages.filter { $0.kind != .notFound }.map {
                (path: $0.path.hasSuffix("index.html") ? String($0.path.dropLast("index.html".count)) : $0.path, lastModified: $0.lastModified)
            }
            if let sitemap = SiteFeeds.sitemap(sitemapPages, options: options) { extras.append((SitePaths.sitemap, sitemap)) }
            extras.append((SitePaths.feed, SiteFeeds.atom(
                title: "\(content.snapshot.team.displayName) Help Center", entries: content.articles.map { entry in
                    .init(path: SitePaths.article(entry.slug), title: entry.article.title, summary: entry.article.excerpt,
                          id: entry.article.id, updated: entry.article.updatedAt ?? entry.article.publishedAt)
                }, team: content.snapshot.team.slug, options: options)))
            for (path, text) in extras {
                try output.write(Data(text.utf8), to: path)
                files += 1
                bytes += text.utf8.count
            }
            clock.finish("feeds")

            try output.commit()
            clock.finish("commit")
            var counts: [String: Int] = [:]
            for page in pages { counts[page.kind.rawValue, default: 0] += 1 }
            let assetWarnings = assets.skipped.map { BuildWarning(.skippedFile, "public file \($0) skipped: it links outside its folder") }
            return BuildReport(
                output: options.output.path, pages: counts, files: files + pages.count,
                bytes: bytes + pages.reduce(0) { $0 + $1.bytes }, phases: clock.phases,
                warnings: content.warnings + pages.flatMap(\.warnings) + assetWarnings)
        } catch {
            output.discard()
            throw error
        }
    }

    /// The theme's static files, then the overlay's, by output path.
    private func assetFiles() throws -> (files: [(path: String, url: URL)], skipped: [String]) {
        var files: [String: URL] = [:]
        var skipped: [String] = []
        for folder in [try DefaultTheme.publicFolder()] + (options.publicFolder.map { [$0] } ?? []) {
            let found = try AssetCopier.files(in: folder)
            for file in found.files { files[file.path] = file.url }
            skipped += found.skipped
        }
        return (files.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, skipped)
    }

    /// What the build keeps of a written page.
    struct WrittenPage: Sendable {
        var path: String
        var kind: PageKind
        var bytes: Int
        var lastModified: Date?
        var warnings: [BuildWarning]
        var search: TokenizedDocument?
    }

    /// Renders and writes every page with a few pages in flight at once. Markdown parsing is serialised
    /// by the renderer's lock; templating and writing run in parallel with it.
    private func renderPages(_ renderer: PageRenderer, into output: OutputFolder) async throws -> [WrittenPage] {
        let jobs = renderer.jobs
        let width = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        return try await withThrowingTaskGroup(of: (Int, WrittenPage).self) { group in
            var results = [WrittenPage?](repeating: nil, count: jobs.count)
            var next = 0
            func add() {
                let index = next
                let job = jobs[index]
                group.addTask {
                    let page = renderer.render(job)
                    let data = Data(page.html.utf8)
                    try output.write(data, to: page.path)
                    return (index, WrittenPage(
                        path: page.path, kind: page.kind, bytes: data.count, lastModified: page.lastModified,
                        warnings: page.warnings, search: page.search))
                }
                next += 1
            }
            while next < min(width, jobs.count) { add() }
            while let (index, page) = try await group.next() {
                results[index] = page
                if next < jobs.count { add() }
            }
            return results.compactMap { $0 }
        }
    }
}
