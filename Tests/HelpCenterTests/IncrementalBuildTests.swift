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

    @Test func randomEditsGiveTheSameSiteAsACleanBuild() async throws {
        let workspace = try Workspace()
        var snapshot = try DemoHelpCenter.snapshot()
        var random = SeededGenerator(seed: 2026)
        _ = try await workspace.build(snapshot)
        var reused = 0
        for round in 1...10 {
            var applied: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                applied.append(SnapshotEdits.apply(to: &snapshot, using: &random))
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
    }

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

/// Random edits of a snapshot, like those a team makes between two builds.
enum SnapshotEdits {
    static func edited<Object: APIObject>(_ object: Object, _ change: (inout JSONObject) -> Void) -> Object {
        var json = object.json
        change(&json)
        return Object(unchecked: json)
    }

    /// Applies one random edit and says what it was.
    static func apply(to snapshot: inout Snapshot, using random: inout SeededGenerator) -> String {
        var articles = snapshot.library.articles
        var community = snapshot.community!
        let pick = articles.indices.randomElement(using: &random)!
        let other = articles.randomElement(using: &random)!
        let word = ["sync", "offline", "billing", "zeppelin", "export", "quartz"].randomElement(using: &random)!
        defer {
            snapshot.library.articles = articles
            snapshot.community = community
        }
        switch Int.random(in: 0..<14, using: &random) {
        case 0:
            articles[pick] = edited(articles[pick]) {
                let link = "https://www.cstar.help/library/\(snapshot.team.slug)/articles/\(other.slug)"
                $0.set(LibraryArticle.Field.content, .string((articles[pick].content ?? "") + "\n\nMore on \(word): [see this](\(link)).\n"))
            }
            return "body of \(articles[pick].slug)"
        case 1:
            articles[pick] = edited(articles[pick]) { $0.set(LibraryArticle.Field.title, .string("\(word.capitalized) \(articles[pick].title)")) }
            return "title of \(articles[pick].slug)"
        case 2:
            let old = articles[pick].slug
            articles[pick] = edited(articles[pick]) { $0.set(LibraryArticle.Field.slug, .string(old + "-\(word)")) }
            snapshot.library.popular = snapshot.library.popular.map { $0 == old ? old + "-\(word)" : $0 }
            return "slug of \(old)"
        case 3:
            let category = snapshot.library.categories.randomElement(using: &random)!
            articles[pick] = edited(articles[pick]) {
                $0.set(LibraryArticle.Field.categorySlug, .string(category.slug))
                $0.set(LibraryArticle.Field.categoryID, nil)
                $0.set(LibraryArticle.Field.category, nil)
            }
            return "category of \(articles[pick].slug)"
        case 4:
            let removed = articles.remove(at: pick)
            return "removed \(removed.slug)"
        case 5:
            let number = UInt32.random(in: 0...UInt32.max, using: &random)
            articles.append(edited(articles[pick]) {
                $0.set(LibraryArticle.Field.id, .string("new-\(number)"))
                $0.set(LibraryArticle.Field.slug, .string("new-article-\(number)"))
                $0.set(LibraryArticle.Field.title, .string("New article about \(word)"))
            })
            return "added new-article-\(number)"
        case 6:
            articles[pick] = edited(articles[pick]) { $0.set(LibraryArticle.Field.viewCount, .int(Int64.random(in: 0...100_000, using: &random))) }
            return "views of \(articles[pick].slug)"
        case 7:
            let index = snapshot.library.categories.indices.randomElement(using: &random)!
            snapshot.library.categories[index] = edited(snapshot.library.categories[index]) {
                $0.set(CStar.Category.Field.name, .string("\(word.capitalized) and more"))
            }
            return "name of category \(index)"
        case 8:
            let index = community.posts.indices.randomElement(using: &random)!
            community.posts[index] = edited(community.posts[index]) { $0.set(Post.Field.body, .string(community.posts[index].body + "\n\nAlso \(word).")) }
            return "body of post \(community.posts[index].slug)"
        case 9:
            let post = community.posts.randomElement(using: &random)!
            let number = UInt32.random(in: 0...UInt32.max, using: &random)
            community.comments[post.slug, default: []].append(CStar.Comment(
                id: "k-\(number)", postID: post.id, body: "What about \(word)?", authorName: "Sam",
                createdAt: "2026-11-20T10:00:00Z"))
            return "comment on \(post.slug)"
        case 10:
            let removed = community.posts.remove(at: community.posts.indices.randomElement(using: &random)!)
            return "removed post \(removed.slug)"
        case 11:
            snapshot.team.name = "\(word.capitalized) Inc."
            return "team name"
        case 12:
            snapshot.library.popular.reverse()
            return "popular order"
        default:
            articles[pick] = edited(articles[pick]) { $0.set(LibraryArticle.Field.tags, .array([.string(word)])) }
            return "tags of \(articles[pick].slug)"
        }
    }
}
