import Foundation
import Testing

/// The team's name: the API sends none, so `snapshot --team-name` stores it in the file and
/// `build --team-name` overrides it; without either the site is titled after the slug, with a warning.
@Suite struct TeamNameTests {
    func title(of site: URL) throws -> String {
        let html = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        guard let start = html.range(of: "<title>"), let end = html.range(of: "</title>", range: start.upperBound..<html.endIndex) else {
            return ""
        }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func theNameIsStoredBySnapshotAndOverriddenByBuild() async throws {
        let (emulator, url) = try await CLI.startEmulator()
        defer { emulator.terminate() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-team-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let named = folder.appendingPathComponent("named.json")
        let unnamed = folder.appendingPathComponent("unnamed.json")
        for (file, extra) in [(named, ["--team-name", "Quillpad & Co"]), (unnamed, [])] {
            let result = try await CLI.run(["snapshot", "--team", "quillpad", "--base-url", url.absoluteString, "-o", file.path] + extra)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let stored = try JSONSerialization.jsonObject(with: Data(contentsOf: named)) as? [String: Any]
        #expect((stored?["team"] as? [String: Any])?["name"] as? String == "Quillpad & Co")

        let site = folder.appendingPathComponent("site")
        let fromNamed = try await CLI.run(["build", "--snapshot", named.path, "-o", site.path])
        #expect(fromNamed.status == 0, "\(fromNamed.stderr)")
        #expect(try title(of: site) == "Quillpad &amp; Co Help Center")
        #expect(!fromNamed.stderr.contains("no team name"))

        let overridden = try await CLI.run(["build", "--snapshot", named.path, "-o", site.path, "--team-name", "Quillpad"])
        #expect(overridden.status == 0, "\(overridden.stderr)")
        #expect(try title(of: site) == "Quillpad Help Center")

        let fromUnnamed = try await CLI.run(["build", "--snapshot", unnamed.path, "-o", site.path, "--strict"])
        #expect(fromUnnamed.status == 0, "a missing name is not a content problem: \(fromUnnamed.stderr)")
        #expect(fromUnnamed.stderr.contains("warning: the snapshot has no team name, so the site is titled after the slug 'quillpad'"), "\(fromUnnamed.stderr)")
        #expect(try title(of: site) == "quillpad Help Center")
    }
}
