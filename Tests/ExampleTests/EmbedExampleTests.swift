import CStarEmulator
import Foundation
import HelpCenter
import HelpCenterResources
import Testing

/// The README's "Embed in your generator" example: the same code as `EmbedExample.swift`, which this
/// target compiles, run against the emulator serving the demo team.
@Suite struct EmbedExampleTests {
    @Test func theReadmeShowsThisFileWordForWord() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let example = try String(contentsOf: here.appendingPathComponent("EmbedExample.swift"), encoding: .utf8)
        let readme = try String(
            contentsOf: here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Embed in your generator"))
        let fence = try #require(readme.range(of: "```swift\n", range: section.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "```\n", range: fence.upperBound..<readme.endIndex))
        #expect(String(readme[fence.upperBound..<end.lowerBound]) == example)
    }

    @Test func theExampleBuildsTheDemoTeamFromTheAPI() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("embed-\(UUID().uuidString)")
        let site = folder.appendingPathComponent("help")
        let report = try await CStarEmulator(snapshot: try DemoHelpCenter.snapshot()).withServer { api in
            try await buildHelpCenter(team: "quillpad", api: api, into: site)
        }
        #expect(report.pages["article"] == 44)
        #expect(report.warnings.isEmpty)
        let home = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains(#"<link rel="canonical" href="https://www.example.com/help/">"#))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".helpcenter-cache").path))
    }
}
