import CStar
import CStarSnapshot
import Foundation
import HelpCenter
import HelpCenterResources

/// Temporary folders and site builds for the generator's tests.
enum SiteFixtures {
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("site-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Builds `snapshot` (the demo by default) into a new folder and returns the folder and report.
    static func build(
        _ snapshot: Snapshot? = nil, configure: (inout SiteOptions) -> Void = { _ in }
    ) async throws -> (site: URL, report: BuildReport) {
        let site = try temporaryFolder().appendingPathComponent("site")
        var options = SiteOptions(output: site)
        configure(&options)
        let report = try await SiteBuilder(options: options).build(snapshot: snapshot ?? DemoHelpCenter.snapshot())
        return (site, report)
    }

    /// Every file below `folder`, by relative path, with its contents.
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let prefix = folder.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])! {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(prefix.count))] = try Data(contentsOf: url)
        }
        return files
    }

    static func html(_ site: URL, _ path: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }

    /// A small team whose every text field is `text`, for injection tests.
    static func hostileSnapshot(_ text: String, slug: String = "hostile") -> Snapshot {
        let category = CStar.Category(id: "c1", name: text, slug: "c-\(slug)", description: text)
        let article = LibraryArticle(
            id: "a1", slug: slug, title: text, content: "# \(text)\n\n\(text)\n", excerpt: text, category: text,
            categorySlug: "c-\(slug)", tags: [text], readTime: text, publishedAt: "2026-01-01T00:00:00Z")
        let topic = Topic(id: "t1", name: text, slug: "t-\(slug)", description: text)
        let post = Post(
            id: "p1", slug: slug, title: text, body: text, topicID: "t1", status: .other(text), createdAt: "2026-01-02T00:00:00Z",
            authorName: text)
        let comment = CStar.Comment(
            id: "k1", postID: "p1", body: text, authorName: text, isAgent: true, isOfficialAnswer: true,
            createdAt: "2026-01-03T00:00:00Z")
        return Snapshot(
            team: .init(slug: "team", name: text), library: .init(categories: [category], articles: [article], popular: [slug]),
            community: .init(topics: [topic], posts: [post], comments: [slug: [comment]]))
    }
}
