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
        var inputs = try BuildInputs(options: options)
        inputs.cache = inputs.cache?.withPages()
        clock.finish("inputs")
        let content = resolveContent(snapshot)
        clock.finish("content")
        return try await build(content, inputs: inputs, inputHash: nil, clock: clock)
    }

    /// Reads and builds the snapshot file at `url`. With a cache folder, a rebuild whose inputs are
    /// unchanged (the snapshot's bytes, the templates, the public files, the options and the generator)
    /// and whose site is still as the last build left it returns that build's report at once, without
    /// decoding the snapshot or writing anything.
    public func build(snapshotFile url: URL) async throws -> BuildReport {
        try BuildLocations(options: options, snapshotFile: url).check()
        var clock = PhaseClock()
        var inputs = try BuildInputs(options: options)
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
        inputs.cache = inputs.cache?.withPages()
        clock.finish("inputs")
        // The snapshot's JSON is let go once resolved: the rest of the build reads only the content.
        let content = resolveContent(consume snapshot)
        clock.finish("content")
        return try await build(content, inputs: inputs, inputHash: inputHash, clock: clock)
    }

    /// The snapshot at `url` and, with a cache, the hash of every input; no snapshot when the last build
    /// had the same inputs and left a site that is still intact. The file's bytes are let go before
    /// building.
    private func readSnapshot(_ url: URL, inputs: BuildInputs) throws -> (Snapshot?, UInt64?) {
        // Without a cache there is nothing to compare with: the file is read once, to decode it.
        guard inputs.cacheFile != nil else { return (try Snapshot(data: try Snapshot.fileData(at: url), path: url.path), nil) }
        // Hashed as it is read, without holding it: an unchanged snapshot is never loaded whole.
        guard let fileHash = StableHasher.hash(fileAt: url.path) else {
            _ = try Snapshot.fileData(at: url)
            throw BuildError.input("cannot read \(url.path)")
        }
        var hasher = StableHasher(fileHash)
        hasher.combine(inputs.assetsKey)
        hasher.combine(inputs.historyKey)
        let inputHash = hasher.finalize()
        if let cache = inputs.cache, cache.input == inputHash, cache.siteIsIntact(at: options.output) {
            return (nil, inputHash)
        }
        return (try Snapshot(data: try Snapshot.fileData(at: url), path: url.path), inputHash)
    }

    /// The phases after the content is resolved: plan → pages (render and write) → feeds and redirects →
    /// links → search index (built alongside the two before it) → commit, each timed in the report.
    private func build(_ content: SiteContent, inputs: BuildInputs, inputHash: UInt64?, clock: PhaseClock) async throws -> BuildReport {
        var clock = clock

        let renderer = PageRenderer(content: content, options: options, theme: inputs.theme)
        let planner = PagePlanner(content: content, options: options)
        let sitePages = planner.pages()
        clock.finish("plan")

        let output = try OutputFolder.prepare(options.output, force: options.force)
        do {
            var files = SiteFiles(previous: inputs.cache, output: output)
            try files.emit(OutputFolder.markerName, Data(OutputFolder.markerText.utf8))
            for asset in inputs.assets { try files.emit(asset.path, asset.data) }
            let pages = try await renderPages(
                sitePages, planner: planner, renderer: renderer, siteKey: renderer.siteKey, into: output, previous: inputs.cache,
                caching: inputs.cacheFile != nil)
            for page in pages { files.add(page.path, page.entry, written: page.written) }
            clock.finish("pages")

            // The search index is built while the feeds are written and the links checked: no page links
            // into it, and a link that does is judged once its files are there.
            let searchKey = Self.searchKey(pages)
            let keepIndex = keepsSearchIndex(key: searchKey, files: &files, previous: inputs.cache)
            let documents = keepIndex ? [] : pages.compactMap(\.record.search)
            async let builtIndex = keepIndex ? nil : SearchIndexBuilder().build(documents)

            var checkedPages = Dictionary(uniqueKeysWithValues: pages.map { ($0.path, $0.record.html) })
            let redirects = inputs.history.map { Redirects(content: content, history: $0) }
            for (path, text) in feeds(content, pages: pages) { try files.emit(path, Data(text.utf8)) }
            for (path, text) in redirects?.files(options: options) ?? [] {
                try files.emit(path, Data(text.utf8))
                if path.hasSuffix(".html") { checkedPages[path] = HTMLLinks(text) }
            }
            clock.finish("feeds and redirects")

            var brokenLinks = LinkChecker.check(
                pages: checkedPages, files: Set(files.entries.keys), basePath: options.basePath,
                pending: keepIndex ? nil : SearchIndexBuilder.folder)
            clock.finish("links")

            if let index = await builtIndex {
                for file in index.files { try files.emit(file.path, file.data) }
            }
            brokenLinks = LinkChecker.settle(brokenLinks, pages: checkedPages, files: Set(files.entries.keys), basePath: options.basePath)
            clock.finish("search index")

            var report = report(
                content: content, pages: pages, files: files, brokenLinks: brokenLinks, inputs: inputs,
                redirects: redirects?.redirects.count ?? 0)
            try commit(&report, files: files, output: output, inputs: inputs, inputHash: inputHash, searchKey: searchKey, redirects: redirects)
            clock.finish("commit")
            report.phases = clock.phases
            return report
        } catch {
            output.discard()
            throw error
        }
    }

    /// The snapshot resolved into the site's content, the team name given in the options applied.
    private func resolveContent(_ snapshot: Snapshot) -> SiteContent {
        var snapshot = snapshot
        if let name = options.teamName, !name.isEmpty { snapshot.team.name = name }
        var content = SiteContent(snapshot: snapshot)
        if snapshot.team.name?.isEmpty ?? true {
            content.warnings.append(.init(
                .noTeamName, "the snapshot has no team name, so the site is titled after the slug '\(snapshot.team.slug)'; "
                    + "set one with --team-name (on snapshot or build)"))
        }
        return content
    }

    /// Whether the last build's search index files are kept: every searchable page is unchanged and
    /// its files are still as that build left them.
    private func keepsSearchIndex(key: UInt64, files: inout SiteFiles, previous: BuildCache?) -> Bool {
        guard let previous, previous.searchKey == key else { return false }
        return files.keepAll(previous.files.keys.filter { $0.hasPrefix(SearchIndexBuilder.folder) })
    }

    /// The build's report: page counts, files, and every warning, theme and content first.
    private func report(
        content: SiteContent, pages: [BuiltPage], files: SiteFiles, brokenLinks: [LinkChecker.BrokenLink], inputs: BuildInputs,
        redirects: Int
    ) -> BuildReport {
        var counts: [String: Int] = [:]
        for page in pages { counts[page.record.kind.rawValue, default: 0] += 1 }
        let assetWarnings = inputs.skippedAssets.map { BuildWarning(.skippedFile, "public file \($0) skipped: it links outside its folder") }
        let feedWarnings = options.hasFeed ? [] : [BuildWarning(
            .feedSkipped, "\(SitePaths.feed) not written: an Atom feed needs absolute links; pass --site-url to have one")]
        let linkWarnings = brokenLinks.map { BuildWarning(.brokenLink, $0.description, page: $0.page) }
        let themeWarnings = inputs.theme.warnings.map { BuildWarning(.unknownTemplate, $0) }
        return BuildReport(
            output: options.output.path, pages: counts, files: files.entries.count, bytes: files.bytes, phases: [],
            warnings: themeWarnings + content.warnings + pages.flatMap(\.record.warnings) + assetWarnings + feedWarnings + linkWarnings,
            written: files.written.count, removed: files.removed.count, redirects: redirects)
    }

    /// Moves the staged files into place (or, for a strict build with content problems, discards them),
    /// then saves the slug history and the build cache.
    private func commit(
        _ report: inout BuildReport, files: SiteFiles, output: OutputFolder, inputs: BuildInputs, inputHash: UInt64?,
        searchKey: UInt64, redirects: Redirects?
    ) throws {
        let removed = files.removed
        if options.strict, report.hasContentProblems {
            output.discard()
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
            var cache = BuildCache(environment: inputs.environment, input: inputHash, searchKey: searchKey, report: report, files: files.entries)
            // Kept pages' records are copied from the cache read, whose string table the new one extends.
            cache.previousStrings = inputs.cache?.previousStrings
            cache.addedStrings = inputs.cache?.addedStrings ?? 0
            do { try cache.save(to: cacheFile) } catch {
                report.warnings.append(.init(.cacheNotSaved, "the build cache could not be saved, so the next build starts over: \(FileErrorReason.sentence(error))"))
            }
        }
    }

    /// The sitemap, the Atom feed of articles, and `robots.txt`. The sitemap and the feed need the
    /// site's URL: without it they are left out.
    private func feeds(_ content: SiteContent, pages: [BuiltPage]) -> [(String, String)] {
        var extras: [(String, String)] = [(SitePaths.robots, SiteFeeds.robots(options: options))]
        let sitemapPages = pages.compactMap { page -> (path: String, lastModified: Date?)? in
            guard page.record.kind != .notFound else { return nil }
            return (page.path.hasSuffix("index.html") ? String(page.path.dropLast("index.html".count)) : page.path, page.record.lastModified)
        }
        if let sitemap = SiteFeeds.sitemap(sitemapPages, options: options) { extras.append((SitePaths.sitemap, sitemap)) }
        let feed = SiteFeeds.atom(
            title: "\(content.teamDisplayName) Help Center", entries: content.articles.map { article in
                .init(path: SitePaths.article(article.slug), title: article.title, summary: article.excerpt, id: article.id,
                      updated: article.shownDate)
            }, team: content.team, options: options)
        if let feed { extras.append((SitePaths.feed, feed)) }
        return extras
    }

    /// What the search index is made from: each searchable page's path and fingerprint, in order.
    private static func searchKey(_ pages: [BuiltPage]) -> UInt64 {
        var hasher = StableHasher()
        for page in pages where page.record.search != nil {
            hasher.combine(page.path)
            hasher.combine(page.entry.hash)
        }
        return hasher.finalize()
    }

    /// A page of this build: rendered and written, or kept from the last build.
    struct BuiltPage: Sendable {
        var path: String
        var entry: BuildCache.Entry
        var record: BuildCache.PageRecord
        var written: Bool
    }

    /// Renders and writes every page whose fingerprint changed since `previous`, with a few pages in
    /// flight at once. Only the end of each Markdown parse (`cmark_parser_finish`) is serialised, by
    /// ``Cmark``'s lock; the rest of parsing, fingerprinting, templating and writing run in parallel.
    private func renderPages(
        _ plans: [PagePlanner.Page], planner: PagePlanner, renderer: PageRenderer, siteKey: UInt64, into output: OutputFolder,
        previous: BuildCache?, caching: Bool
    ) async throws -> [BuiltPage] {
        let width = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        return try await withThrowingTaskGroup(of: (Int, BuiltPage).self) { group in
            var results = [BuiltPage?](repeating: nil, count: plans.count)
            var next = 0
            func add() {
                let index = next
                let page = plans[index]
                group.addTask {
                    let plan = planner.plan(page)
                    let path = plan.file
                    if let entry = previous?.files[path], let record = entry.page, output.existingStamp(path) == entry.stamp,
                        renderer.fingerprint(plan, site: siteKey, links: record.sourceLinks) == entry.hash
                    {
                        return (index, BuiltPage(path: path, entry: entry, record: record, written: false))
                    }
                    let page = renderer.render(plan)
                    let stamp = try output.write(Data(page.html), to: page.path)
                    let record = BuildCache.PageRecord(
                        kind: page.kind, lastModified: page.lastModified, warnings: page.warnings,
                        sourceLinks: page.sourceLinks, html: HTMLLinks(page.html), search: page.search)
                    let fingerprint = caching ? renderer.fingerprint(plan, site: siteKey, links: page.sourceLinks, known: page.linkTargets) : 0
                    return (index, BuiltPage(path: path, entry: .init(stamp: stamp, hash: fingerprint, page: record), record: record, written: true))
                }
                next += 1
            }
            while next < min(width, plans.count) { add() }
            var done = 0
            let step = max(1, plans.count / 100)
            while let (index, page) = try await group.next() {
                results[index] = page
                done += 1
                if done % step == 0 || done == plans.count { progress?(done, plans.count) }
                if next < plans.count { add() }
            }
            return results.compactMap { $0 }
        }
    }
}
