import CStar
import CStarSnapshot
import Foundation
import HelpCenter
import HelpCenterResources
import SyntheticCorpus
import Testing

/// Builds with the build cache: what they write, and that they always equal a clean build.
@Suite struct IncrementalBuildTests {
    /// A site built again and again into one folder with a cache, and the snapshot file it reads.
    struct Workspace {
        let root: URL
        var site: URL { root.appendingPathComponent("site") }
        var snapshotFile: URL { root.appendingPathComponent("snapshot.json") }
        var templates: URL? = nil

        init() throws {
            root = try SiteFixtures.temporaryFolder()
        }

        var options: SiteOptions {
            SiteOptions(output: site, templates: templates, cacheFolder: root.appendingPathComponent("cache"))
        }

        func build(_ snapshot: Snapshot) async throws -> BuildReport {
            try snapshot.write(to: snapshotFile)
            return try await SiteBuilder(options: options).build(snapshotFile: snapshotFile)
        }

        /// A build of `snapshot` without a cache, into a new folder.
        func cleanBuild(_ snapshot: Snapshot) async throws -> [String: Data] {
            let folder = root.appendingPathComponent("clean-\(UUID().uuidString)")
            var options = SiteOptions(output: folder, templates: templates)
            options.cacheFolder = nil
            _ = try await SiteBuilder(options: options).build(snapshot: snapshot)
            defer { try? FileManager.default.removeItem(at: folder) }
            return try SiteFixtures.files(in: folder)
        }

        /// Every file's inode and modification time, to tell which files a build touched.
        func stamps() throws -> [String: String] {
            var stamps: [String: String] = [:]
            for path in try SiteFixtures.files(in: site).keys {
                let attributes = try FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(path).path)
                stamps[path] = "\(attributes[.systemFileNumber] ?? "") \((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
            }
            return stamps
        }
    }

    /// Rounds of random edits (each kind of content edit at least once, and a template override changed every
    /// fourth round); after each, the incremental build's site equals a clean build's, byte for byte.
    @Test func randomEditsGiveTheSameSiteAsACleanBuild() async throws {
        var workspace = try Workspace()
        let templates = workspace.root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        workspace.templates = templates
        var snapshot = try DemoHelpCenter.snapshot()
        var random = SeededGenerator(seed: 2026)
        var deck = SnapshotEdit.Deck()
        var kinds: Set<SnapshotEdit> = []
        var templateEdits = 0
        _ = try await workspace.build(snapshot)
        var reused = 0
        for round in 1...Self.rounds {
            var applied: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let edit = deck.next(using: &random)
                kinds.insert(edit)
                applied.append(SnapshotEdits.apply(edit, to: &snapshot, using: &random))
            }
            if round % 4 == 0 {
                applied.append(try TemplateEdits.apply(templateEdits, in: templates, using: &random))
                templateEdits += 1
            }
            let report = try await workspace.build(snapshot)
            let incremental = try SiteFixtures.files(in: workspace.site)
            let clean = try await workspace.cleanBuild(snapshot)
            #expect(Set(incremental.keys) == Set(clean.keys), "round \(round) (\(applied)): the incremental site has other files")
            let differing = clean.keys.filter { incremental[$0] != clean[$0] }.sorted()
            #expect(differing.isEmpty, "round \(round) (\(applied)): these files differ from a clean build: \(differing)")
            #expect(report.files == clean.count)
            reused += report.files - report.written
        }
        #expect(reused > 0, "no build kept a single file")
        #expect(kinds.count == SnapshotEdit.allCases.count, "edits never made: \(Set(SnapshotEdit.allCases).subtracting(kinds))")
        #expect(templateEdits >= 3, "no template override was removed")
    }

    /// Rounds of the random-edit test: enough for every kind of edit; about 16 s of CPU in a debug build.
    static let rounds = 16

    @Test func aRebuildWithNoChangeWritesNothing() async throws {
        let workspace = try Workspace()
        let snapshot = try DemoHelpCenter.snapshot()
        let first = try await workspace.build(snapshot)
        let before = try workspace.stamps()

        // The snapshot file is unchanged: the fast path, without decoding it.
        let again = try await workspace.build(snapshot)
        #expect(again.written == 0)
        #expect(again.files == first.files && again.bytes == first.bytes && again.pages == first.pages)
        #expect(try workspace.stamps() == before)

        // The same content from a value: every page is fingerprinted, none is written.
        let fromValue = try await SiteBuilder(options: workspace.options).build(snapshot: snapshot)
        #expect(fromValue.written == 0 && fromValue.removed == 0)
        #expect(try workspace.stamps() == before)
        #expect(fromValue.warnings == first.warnings)
    }

    @Test func anArticleEditRewritesOnlyItsPageAndTheSearchFilesItIsIn() async throws {
        let workspace = try Workspace()
        var snapshot = try DemoHelpCenter.snapshot()
        _ = try await workspace.build(snapshot)
        let before = try workspace.stamps()

        // Swap one word of the body for another: the reading time and every summary stay the same.
        let index = snapshot.library.articles.firstIndex { ($0.content ?? "").contains(" the ") }!
        let article = snapshot.library.articles[index]
        snapshot.library.articles[index] = SnapshotEdits.edited(article) {
            $0.set(LibraryArticle.Field.content, .string(article.content!.replacingOccurrences(of: " the ", with: " zeppelin ")))
        }
        let report = try await workspace.build(snapshot)
        let after = try workspace.stamps()
        let touched = Set(after.keys.filter { after[$0] != before[$0] })
        let pages = touched.filter { !$0.hasPrefix(SearchIndexBuilder.folder) }
        #expect(pages == ["articles/\(article.slug)/index.html"])
        #expect(touched.contains { $0.hasPrefix(SearchIndexBuilder.folder) }, "the search index does not have the new word")
        #expect(report.written == touched.count)
        #expect(try SiteFixtures.files(in: workspace.site) == (try await workspace.cleanBuild(snapshot)))
    }

    /// A cache written by copying kept pages' records (and extending the string table) reads back
    /// whole: edit after edit, each rebuild writes only the edited article's page and search files.
    @Test func cachesWrittenFromCopiedRecordsStayUsable() async throws {
        let workspace = try Workspace()
        var snapshot = try DemoHelpCenter.snapshot()
        _ = try await workspace.build(snapshot)
        let candidates = snapshot.library.articles.indices.filter { (snapshot.library.articles[$0].content ?? "").contains(" the ") }
        for (round, index) in candidates.prefix(6).enumerated() {
            let article = snapshot.library.articles[index]
            snapshot.library.articles[index] = SnapshotEdits.edited(article) {
                $0.set(LibraryArticle.Field.content, .string(article.content!.replacingOccurrences(of: " the ", with: " zeppelin\(round) ")))
            }
            let before = try workspace.stamps()
            let report = try await workspace.build(snapshot)
            let after = try workspace.stamps()
            let pages = Set(after.keys.filter { after[$0] != before[$0] && !$0.hasPrefix(SearchIndexBuilder.folder) })
            #expect(pages == ["articles/\(article.slug)/index.html"], "round \(round)")
            #expect(report.written < report.files / 4, "round \(round): \(report.written) of \(report.files) written")
        }
        #expect(try SiteFixtures.files(in: workspace.site) == (try await workspace.cleanBuild(snapshot)))
    }

    @Test func aTemplateChangeRendersEveryPage() async throws {
        var workspace = try Workspace()
        let templates = workspace.root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        workspace.templates = templates
        let snapshot = try DemoHelpCenter.snapshot()
        let first = try await workspace.build(snapshot)

        let footer = try String(contentsOf: DemoHelpCenter.url().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Templates/footer.mustache"), encoding: .utf8)
        try (footer + "<!-- edited -->\n").write(to: templates.appendingPathComponent("footer.mustache"), atomically: true, encoding: .utf8)
        let report = try await workspace.build(snapshot)
        #expect(report.written >= first.totalPages)
        #expect(try SiteFixtures.html(workspace.site, "articles/\(snapshot.library.articles[0].slug)/index.html").contains("<!-- edited -->"))
        #expect(try SiteFixtures.files(in: workspace.site) == (try await workspace.cleanBuild(snapshot)))
    }

    @Test func filesChangedByHandAreRebuiltAndADamagedCacheIsIgnored() async throws {
        let workspace = try Workspace()
        let snapshot = try DemoHelpCenter.snapshot()
        _ = try await workspace.build(snapshot)
        let clean = try await workspace.cleanBuild(snapshot)

        let article = "articles/\(snapshot.library.articles[1].slug)/index.html"
        try FileManager.default.removeItem(at: workspace.site.appendingPathComponent("search/index/manifest.json"))
        try "edited by hand".write(to: workspace.site.appendingPathComponent(article), atomically: false, encoding: .utf8)
        let repaired = try await workspace.build(snapshot)
        #expect(repaired.written == 2)
        #expect(try SiteFixtures.files(in: workspace.site) == clean)

        // A cache cut in half: its file list is whole, its page records are not.
        let cacheFolder = workspace.root.appendingPathComponent("cache")
        let cacheFile = cacheFolder.appendingPathComponent(try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path)[0])
        var bytes = try Data(contentsOf: cacheFile)
        bytes.removeLast(bytes.count / 2)
        try bytes.write(to: cacheFile)
        var edited = snapshot
        var random = SeededGenerator(seed: 7)
        _ = SnapshotEdits.apply(to: &edited, using: &random)
        let rebuilt = try await workspace.build(edited)
        #expect(rebuilt.written == rebuilt.files)
        #expect(try SiteFixtures.files(in: workspace.site) == (try await workspace.cleanBuild(edited)))

        // A cache that is not one at all.
        try Data("not a cache".utf8).write(to: cacheFile)
        let fresh = try await workspace.build(snapshot)
        #expect(fresh.written == fresh.files)
        #expect(try SiteFixtures.files(in: workspace.site) == clean)
    }
}
