import Foundation
import SyntheticCorpus
import Testing

/// `--report FILE` is written for every outcome, with an `outcome` a CI job can branch on, and every
/// warning that belongs to a page names it.
@Suite struct ReportOutcomeTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cli-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func report(at url: URL) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test func aTemplateErrorIsReported() async throws {
        let folder = try temporaryFolder()
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data("{{#article}}never closed\n".utf8).write(to: templates.appendingPathComponent("article.mustache"))
        let reportFile = folder.appendingPathComponent("report.json")
        let result = try await CLI.run([
            "build", "-o", folder.appendingPathComponent("site").path, "--templates", templates.path, "--report", reportFile.path,
        ])
        #expect(result.status == 1, "\(result.stderr)")
        let json = try report(at: reportFile)
        #expect(json["outcome"] as? String == "failed")
        #expect((json["error"] as? String)?.contains("article.mustache") == true, "\(json)")
    }

    @Test func anAPIFailureIsReported() async throws {
        let folder = try temporaryFolder()
        let reportFile = folder.appendingPathComponent("report.json")
        // Nothing listens on port 9 of loopback: the first request is refused.
        let result = try await CLI.run([
            "build", "--team", "quillpad", "--base-url", "http://127.0.0.1:9", "--retries", "0", "--timeout", "2",
            "-o", folder.appendingPathComponent("site").path, "--report", reportFile.path,
        ])
        #expect(result.status == 3, "\(result.stderr)")
        let json = try report(at: reportFile)
        #expect(json["outcome"] as? String == "api-failure")
        #expect((json["error"] as? String)?.contains("127.0.0.1:9") == true, "\(json)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
    }

    /// The hostile help center has every kind of page warning: each names its page, a file of the site.
    @Test func everyPageWarningNamesItsPage() async throws {
        let folder = try temporaryFolder()
        let snapshot = folder.appendingPathComponent("hostile.json")
        try HostileCorpus.snapshot(bigArticleBytes: 2_000_000, manyComments: 300).write(to: snapshot)
        let site = folder.appendingPathComponent("site")
        let reportFile = folder.appendingPathComponent("report.json")
        for _ in 0..<2 {  // a fresh build, then one from the cache
            try? FileManager.default.removeItem(at: reportFile)
            let result = try await CLI.run(["build", "--snapshot", snapshot.path, "-o", site.path, "--report", reportFile.path], timeout: .seconds(300))
            #expect(result.status == 0, "\(result.stderr)")
            let warnings = try report(at: reportFile)["warnings"] as? [[String: Any]] ?? []
            let kinds = Set(warnings.compactMap { $0["kind"] as? String })
            #expect(kinds.isSuperset(of: ["unknownCategory", "unknownTopic", "duplicateSlug", "markdownFallback"]), "\(kinds)")
            // The kinds about no page: a skipped item or file, the snapshot's fields, the theme, the site as a whole.
            let siteWide = ["unusableSlug", "skippedFile", "cacheNotSaved", "fieldType", "unknownTemplate", "noTeamName", "feedSkipped"]
            for warning in warnings where !siteWide.contains(warning["kind"] as? String ?? "") {
                let page = warning["page"] as? String
                #expect(page.map { FileManager.default.fileExists(atPath: site.appendingPathComponent($0).path) } == true, "\(warning)")
            }
        }
    }
}
