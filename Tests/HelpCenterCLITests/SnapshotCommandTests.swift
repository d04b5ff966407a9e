import CStar
import CStarSnapshot
import Foundation
import HelpCenterResources
import Testing
import TestSupport

/// `helpcenter emulate` (demo) → `helpcenter snapshot`, as separate processes over loopback.
@Suite(.serialized) struct SnapshotCommandTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @discardableResult
    func roundTrip(emulatorArguments: [String], snapshotArguments: [String] = []) async throws -> ChildProcess.Result {
        let (emulator, url) = try await CLI.startEmulator(emulatorArguments)
        defer { emulator.terminate() }
        let output = try temporaryFolder().appendingPathComponent("demo.json")
        let result = try await CLI.run([
            "snapshot", "--team", "quillpad", "--team-name", "Quillpad", "--base-url", url.absoluteString,
            "--output", output.path,
        ] + snapshotArguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Wrote \(output.path): 7 categories, 44 articles"))
        #expect(try SnapshotJSON.comparable(output) == SnapshotJSON.comparable(DemoHelpCenter.url()))
        let written = try Snapshot(contentsOf: output)
        #expect(written.baseURL == url.absoluteString)
        return result
    }

    @Test func demoSnapshotRoundTripsThroughTheEmulator() async throws {
        let result = try await roundTrip(emulatorArguments: [])
        #expect(!result.stderr.contains("retr"), "\(result.stderr)")
    }

    /// A server that serves 9 items a page, whatever `limit` asks for, still gives every article and post;
    /// only the popular list, one request for the top articles, is as short as the server makes it.
    @Test func aServerWithALowPageCapGivesTheWholeTeam() async throws {
        let (emulator, url) = try await CLI.startEmulator(["--max-limit", "9"])
        defer { emulator.terminate() }
        let output = try temporaryFolder().appendingPathComponent("demo.json")
        let result = try await CLI.run([
            "snapshot", "--team", "quillpad", "--team-name", "Quillpad", "--base-url", url.absoluteString, "-o", output.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try Snapshot(contentsOf: output)
        let demo = try Snapshot(contentsOf: DemoHelpCenter.url())
        #expect(written.library.articles == demo.library.articles)
        #expect(written.library.categories == demo.library.categories)
        #expect(written.community == demo.community)
        #expect(written.library.popular == Array(demo.library.popular.prefix(9)))
    }

    /// The retries are counted by reason on standard error, and add up.
    @Test func retriesAreSummarisedByReason() async throws {
        let result = try await roundTrip(
            emulatorArguments: ["--fail-every", "5", "--rate-limit-every", "13", "--retry-after", "0", "--drop-every", "17",
                                "--faults-per-request", "1"],
            snapshotArguments: ["--concurrency", "2"])
        let pattern = #"(\d+) retries of (\d+) requests \((\d+) × (HTTP 500|HTTP 429|network error), (\d+) × (HTTP 500|HTTP 429|network error), (\d+) × (HTTP 500|HTTP 429|network error)\)\."#
        let line = try #require(result.stderr.split(separator: "\n").first { $0.contains("retries of") }, "\(result.stderr)")
        let match = try #require(try Regex(pattern).wholeMatch(in: String(line)), "\(line)")
        let numbers = [1, 2, 3, 5, 7].compactMap { match.output[$0].substring.flatMap { Int($0) } }
        let reasons = [4, 6, 8].compactMap { match.output[$0].substring.map(String.init) }
        #expect(Set(reasons) == ["HTTP 500", "HTTP 429", "network error"], "\(line)")
        // One fault at most per request: as many retries as requests retried, and the reasons add up.
        #expect(numbers[0] == numbers[1] && numbers[0] == numbers[2] + numbers[3] + numbers[4], "\(line)")
        #expect(numbers[2] >= numbers[3] && numbers[3] >= numbers[4])
    }

    @Test func roundTripSurvivesInjected429sAnd500s() async throws {
        try await roundTrip(emulatorArguments: ["--fail-every", "7", "--rate-limit-every", "11", "--retry-after", "1", "--faults-per-request", "2"])
    }

    @Test func failureNamesTheRequestAndKeepsTheOldFile() async throws {
        let (emulator, url) = try await CLI.startEmulator(["--fail-every", "1"])
        defer { emulator.terminate() }
        let folder = try temporaryFolder()
        let output = folder.appendingPathComponent("team.json")
        try Data("previous snapshot".utf8).write(to: output)
        let result = try await CLI.run([
            "snapshot", "--team", "quillpad", "--base-url", url.absoluteString, "--output", output.path, "--retries", "1",
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains(
            "GET \(url.absoluteString)/api/library/quillpad/categories failed with HTTP 500: Injected server error."))
        #expect(result.stderr.contains("after 2 attempts"))
        #expect(result.stderr.contains("Before the failure: 1 retry of 1 request (1 × HTTP 500)."))
        #expect(try String(contentsOf: output, encoding: .utf8) == "previous snapshot")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["team.json"])
    }

    @Test func unknownTeamFailsWithoutWritingAFile() async throws {
        let (emulator, url) = try await CLI.startEmulator()
        defer { emulator.terminate() }
        let output = try temporaryFolder().appendingPathComponent("team.json")
        let result = try await CLI.run(["snapshot", "--team", "nobody", "--base-url", url.absoluteString, "-o", output.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("No team 'nobody'."))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func emulateRefusesABadSnapshotFile() async throws {
        let file = try temporaryFolder().appendingPathComponent("bad.json")
        try Data(#"{"format":"cstar-help-snapshot","version":9}"#.utf8).write(to: file)
        let result = try await CLI.run(["emulate", "--snapshot", file.path, "--port", "0"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(file.path): snapshot version 9 is not supported"))
    }

    @Test func badOptionsAreRejected() async throws {
        let result = try await CLI.run(["snapshot", "--team", "x", "--base-url", "ftp://x", "-o", "/tmp/x.json"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--base-url must be an http(s) URL"))
    }
}
