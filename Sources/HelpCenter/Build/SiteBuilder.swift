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
/// The output is never half-written (a failed build leaves the previous site as it was) and is
/// deterministic: the same snapshot and theme give byte-identical files. With
/// ``SiteOptions/cacheFolder`` set, a rebuild renders and writes only the files whose inputs changed,
/// and gives the same files a clean build would.
public struct SiteBuilder: Sendable {
    public var options: SiteOptions
    /// Called as pages are done (about a hundred times per build), for a progress bar.
    public var progress: (@Sendable (_ pagesDone: Int, _ pages: Int) -> Void)?

    public init(options: SiteOptions, progress: (@Sendable (_ pagesDone: Int, _ pages: Int) -> Void)? = nil) {
        self.options = options
        self.progress = progress
    }

    /// Fetches the team through the clients, then builds.
    public func build(library: LibraryClient, community: CommunityClient, teamName: String? = nil) async throws -> BuildReport {
        let snapshot = try await SnapshotFetcher(library: library, community: community).fetch(teamName: teamName)
        return try await build(snapshot: snapshot)
    }

    public func build(snapshot: Snapshot) async throws -> BuildReport {
        try BuildLocations(options: options).check()
        var clock = PhaseClock()
        let inputs = try BuildInputs(options: options)
        clock.finish("inputs")
        return try await build(snapshot, inputs: inputs, inputHash: nil, clock: clock)
    }

    /// Reads and builds the snapshot file at `url`. With a cache folder, a rebuild whose inputs are
    /// unchanged (the snapshot's bytes, the templates, the public files, the options and the generator)
    /// and whose site is still as the last build left it returns that build's report at once, without
    /// decoding the snapshot or writing anything.
    public func build(snapshotFile url: URL) async throws -> BuildReport {
        try BuildLocations(options: options, snapshotFile: url).check()
        var clock = PhaseClock()
        let inputs = try BuildInputs(options: options)
        let (snapshot, inputHash) = try readSnapshot(url, inputs: inputs)
        guard let snapshot else {
            clock.finish("check")
            var report = inputs.cache!.report
            report.phases = clock.phases
            report.written = 0
            report.removed = 0
            report.outcome = .unchanged
            if options.strict, report.hasContentProblems {
                report.outcome = .contentProblems
                throw StrictBuildFailure(report: report)
            }
            return report
        }
        clock.finish("inputs")
        return try await build(snapshot, inputs: inputs, inputHash: inputHash, clock: clock)
    }

    /// The snapshot at `url` and the hash of every input, or no snapshot when the last build had the
    /// same inputs and left a site that is still intact. The file's bytes are let go before building.
    private func readSnapshot(_ url: URL, inputs: BuildInputs) throws -> (Snapshot?, UInt64) {
        let data = try Snapshot.fileData(at: url)
        var hasher = StableHasher(StableHasher.hash(data))
        hasher.combine(inputs.assetsKey)
        hasher.combine(inputs.historyKey)
        let inputHash = hasher.finalize()
        if let cache = inputs.cache, cache.input == inputHash, cache.siteIsIntact(at: options.output) {
            return (nil, inputHash)
        }
        return (try Snapshot(data: data, path: url.path), inputHash)
    }

    private func build(_ snapshot: Snapshot, inputs: BuildInputs, inputHash: UInt64?, clock: PhaseClock) async throws -> BuildReport {
        var clock = clock
        var inputs = inputs
        inputs.cache = inputs.cache?.withPages()
        var snapshot = snapshot
        if let name = options.teamName, !name.isEmpty { snapshot.team.name = name }
        var content = SiteContent(snapshot: snapshot)
        if snapshot.team.name?.isEmpty ?? true {
            content.warnings.append(.init(
                .noTeamName, "the snapshot has no team name, so the site is titled after the slug '\(snapshot.team.slug)'; "
                    + "set one with --team-name (on snapshot or build)"))
        }
        clock.finish("content")

        let output = try OutputFolder.prepare(options.output, force: options.force)
        do {
            var files = SiteFiles(previous: inputs.cache, output: output)
            try files.emit(OutputFolder.markerName, Data(OutputFolder.markerText.utf8))
            for asset in inputs.assets { try files.emit(asset.path, asset.data) }
            clock.finish("assets")

            let renderer = PageRenderer(content: content, options: options, theme: inputs.theme)
            let pages = try await renderPages(renderer, into: output, previous: inputs.cache, caching: inputs.cacheFile != nil)
            for page in pages { files.add(page.path, page.entry, written: page.written) }
            clock.finish("pages")

            // The search index is merged while the links are checked: pages never link to its files.
            let searchKey = Self.searchKey(pages)
            let keepIndex = inputs.cache?.searchKey == searchKey
                && files.keepAll(inputs.cache!.files.keys.filter { $0.hasPrefix(SearchIndexBuilder.folder) })
            let documents = keepIndex ? [] : pages.compactMap(\.entry.page?.search)
            async let builtIndex = keepIndex ? nil : SearchIndexBuilder().build(documents)

            for (path, text) in feeds(content, pages: pages) { try files.emit(path, Data(text.utf8)) }
            let redirects = inputs.history.map { Redirects(content: content, history: $0) }
            var checkedPages = Dictionary(uniqueKeysWithValues: pages.map { ($0.path, $0.entry.page!.html) })
            for (path, text) in redirects?.files(options: options) ?? [] {
                try files.emit(path, Data(text.utf8))
                if path.hasSuffix(".html") { checkedPages[path] = HTMLLinks(text) }
            }
            clock.finish("feeds")

            var brokenLinks = LinkChecker.check(pages: checkedPages, files: Set(files.entries.keys), basePath: options.basePath)
            if let index = await builtIndex {
                for file in index.files { try files.emit(file.path, file.data) }
            }
            if brokenLinks.contains(where: { $0.reason.hasPrefix("no file " + SearchIndexBuilder.folder) }) {
                brokenLinks = LinkChecker.check(pages: checkedPages, files: Set(files.entries.keys), basePath: options.basePath)
            }
            clock.finish("search index and links")

            let removed = files.removed
            var counts: [String: Int] = [:]
            for page in pages { counts[page.entry.page!.kind.rawValue, default: 0] += 1 }
            let assetWarnings = inputs.skippedAssets.map { BuildWarning(.skippedFile, "public file \($0) skipped: it links outside its folder") }
            let feedWarnings = options.hasFeed ? [] : [BuildWarning(
                .feedSkipped, "\(SitePaths.feed) not written: an Atom feed needs absolute links; pass --site-url to have one")]
            let linkWarnings = brokenLinks.map { BuildWarning(.brokenLink, $0.description, page: $0.page) }
            let themeWarnings = inputs.theme.warnings.map { BuildWarning(.unknownTemplate, $0) }
            var report = BuildReport(
                output: options.output.path, pages: counts, files: files.entries.count, bytes: files.bytes, phases: [],
                warnings: themeWarnings + content.warnings + pages.flatMap { $0.entry.page!.warnings } + assetWarnings + feedWarnings + linkWarnings,
                written: files.written.count, removed: removed.count, redirects: redirects?.redirects.count ?? 0)
            if options.strict, report.hasContentProblems {
                output.discard()
                clock.finish("commit")
                report.phases = clock.phases
                report.written = 0
                report.removed = 0
                report.outcome = .contentProblems
                throw StrictBuildFailure(report: report)
            }
            if files.written.isEmpty && removed.isEmpty {
                output.discard()
            } else if inputs.cache != nil && files.kept > 0 {
                try output.commitChanges(written: files.written, removed: removed)
            } else {
                try output.commit()
            }
            if let redirects, let url = options.slugHistory, redirects.history != inputs.history {
                do { try redirects.history.write(to: url) } catch {
                    throw BuildError.output("the site was built, but the slug history could not be saved: \(FileErrorReason.sentence(error))")
                }
            }
            if let cacheFile = inputs.cacheFile {
                let cache = BuildCache(
                    environment: inputs.environment, input: inputHash, searchKey: searchKey, report: report, files: files.entries)
                do { try cache.save(to: cacheFile) } catch {
                    report.warnings.append(.init(.cacheNotSaved, "the build cache could not be saved, so the next build starts over: \(FileErrorReason.sentence(error))"))
                }
            }
            clock.finish("commit")
            report.phases = clock.phases
            return report
        } catch {
            output.discard()
            throw error
        }
    }

    /// The sitemap, the Atom feed of articles, and `robots.txt`. The sitemap and the feed need the
    /// site's URL: without it they are left out.
    private func feeds(_ content: SiteContent, pages: [BuiltPage]) -> [(String, String)] {
        var extras: [(String, String)] = [(SitePaths.robots, SiteFeeds.robots(options: options))]
        let sitemapPages = pages.compactMap { page -> (path: String, lastModified: Date?)? in
            guard let record = page.entry.page, record.kind != .notFound else { return nil }
            return (page.path.hasSuffix("index.html") ? String(page.path.dropLast("index.html".count)) : page.path, record.lastModified)
        }
        if let sitemap = SiteFeeds.sitemap(sitemapPages, options: options) { extras.append((SitePaths.sitemap, sitemap)) }
        let feed = SiteFeeds.atom(
            title: "\(content.snapshot.team.displayName) Help Center", entries: content.articles.map { entry in
                .init(path: SitePaths.article(entry.slug), title: entry.article.title, summary: entry.article.excerpt,
                      id: entry.article.id, updated: entry.article.updatedAt ?? entry.article.publishedAt)
            }, team: content.snapshot.team.slug, options: options)
        if let feed { extras.append((SitePaths.feed, feed)) }
        return extras
    }

    /// What the search index is made from: each searchable page's path and fingerprint, in order.
    private static func searchKey(_ pages: [BuiltPage]) -> UInt64 {
        var hasher = StableHasher()
        for page in pages where page.entry.page?.search != nil {
            hasher.combine(page.path)
            hasher.combine(page.entry.hash)
        }
        return hasher.finalize()
    }

    /// A page of this build: rendered and written, or kept from the last build.
    struct BuiltPage: Sendable {
        var path: String
        /// Always has a ``BuildCache/PageRecord``.
        var entry: BuildCache.Entry
        var written: Bool
    }

    /// Renders and writes every page whose fingerprint changed since `previous`, with a few pages in
    /// flight at once. Only the end of each Markdown parse (`cmark_parser_finish`) is serialised, by
    /// ``Cmark``'s lock; the rest of parsing, fingerprinting, templating and writing run in parallel.
    private func renderPages(
        _ renderer: PageRenderer, into output: OutputFolder, previous: BuildCache?, caching: Bool
    ) async throws -> [BuiltPage] {
        let jobs = renderer.jobs
        let width = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        return try await withThrowingTaskGroup(of: (Int, BuiltPage).self) { group in
            var results = [BuiltPage?](repeating: nil, count: jobs.count)
            var next = 0
            func add() {
                let index = next
                let job = jobs[index]
                group.addTask {
                    let path = renderer.outputPath(job)
                    if let entry = previous?.files[path], let record = entry.page, output.existingStamp(path) == entry.stamp,
                        renderer.fingerprint(job, links: record.sourceLinks) == entry.hash
                    {
                        return (index, BuiltPage(path: path, entry: entry, written: false))
                    }
                    let page = renderer.render(job)
                    let stamp = try output.write(Data(page.html.utf8), to: page.path)
                    let record = BuildCache.PageRecord(
                        kind: page.kind, lastModified: page.lastModified, warnings: page.warnings,
                        sourceLinks: page.sourceLinks, html: HTMLLinks(page.html), search: page.search)
                    let fingerprint = caching ? renderer.fingerprint(job, links: page.sourceLinks) : 0
                    return (index, BuiltPage(path: page.path, entry: .init(stamp: stamp, hash: fingerprint, page: record), written: true))
                }
                next += 1
            }
            while next < min(width, jobs.count) { add() }
            var done = 0
            let step = max(1, jobs.count / 100)
            while let (index, page) = try await group.next() {
                results[index] = page
                done += 1
                if done % step == 0 || done == jobs.count { progress?(done, jobs.count) }
                if next < jobs.count { add() }
            }
            return results.compactMap { $0 }
        }
    }
}
