import CStar
import Foundation
import HelpCenterResources
import TestSupport
import Testing

/// Every fault the emulator can inject, against `helpcenter snapshot` and `helpcenter build --team` run as
/// processes: each either succeeds after retries or fails in bounded time with exit status 3, a message
/// naming the failing request, and the previous snapshot and site exactly as they were.
@Suite struct FaultMatrixTests {
    struct Fault: Sendable, CustomTestStringConvertible {
        var name: String
        /// `helpcenter emulate` options; `nil` for no server at all.
        var emulator: [String]?
        /// What the error message says, when every attempt fails; `nil` when retries get through.
        var failure: String?

        var testDescription: String { name }
    }

    /// Client settings: short attempts and few retries where every attempt fails, more room where the
    /// faults are limited (a busy test machine must not turn a slow answer into a failure).
    static let failingClient = ["--timeout", "1", "--retries", "2"]
    static let recoveringClient = ["--timeout", "2", "--retries", "3"]

    static let failing: [Fault] = [
        Fault(name: "answers slower than the timeout", emulator: ["--latency", "3000"], failure: "no response within 1.0 seconds"),
        Fault(name: "a storm of 500s", emulator: ["--fail-every", "1"], failure: "failed with HTTP 500: Injected server error."),
        Fault(name: "429 on every request", emulator: ["--rate-limit-every", "1", "--retry-after", "1"], failure: "failed with HTTP 429"),
        Fault(name: "truncated JSON", emulator: ["--truncate-every", "1"], failure: "failed with HTTP 200: the body is not JSON"),
        Fault(name: "an HTML page in place of JSON", emulator: ["--malformed-every", "1"], failure: "<html><head><title>502 Bad Gateway"),
        Fault(name: "connections dropped mid-body", emulator: ["--drop-every", "1"], failure: "failed: "),
        Fault(name: "a server that accepts and never answers", emulator: ["--hang-every", "1"], failure: "no response within 1.0 seconds"),
        Fault(name: "nothing listening", emulator: nil, failure: "failed: "),
    ]

    static let recovering: [Fault] = [
        Fault(name: "429s with Retry-After", emulator: ["--rate-limit-every", "5", "--retry-after", "1", "--faults-per-request", "1"]),
        Fault(
            name: "steady mixed faults",
            emulator: [
                "--fail-every", "3", "--truncate-every", "5", "--malformed-every", "7", "--drop-every", "11", "--hang-every", "13",
                "--faults-per-request", "2",
            ]),
    ]

    /// A folder with a previous snapshot file and a previous site, and their bytes.
    struct Previous {
        let folder: URL
        let snapshot: URL
        let site: URL
        let snapshotBytes: Data
        let siteFiles: [String: Data]

        init() async throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-faults-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            snapshot = folder.appendingPathComponent("team.json")
            site = folder.appendingPathComponent("site")
            snapshotBytes = try Data(contentsOf: DemoHelpCenter.url())
            try snapshotBytes.write(to: snapshot)
            let build = try await CLI.run(["build", "--snapshot", snapshot.path, "-o", site.path])
            #expect(build.status == 0, "\(build.stderr)")
            siteFiles = try Self.files(in: site)
        }

        static func files(in folder: URL) throws -> [String: Data] {
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
            while let url = enumerator?.nextObject() as? URL {
                guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
                files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
            }
            return files
        }

        /// Whether the snapshot, the site and the folder around them are as they were.
        func expectUntouched(_ comment: Testing.Comment) throws {
            #expect(try Data(contentsOf: snapshot) == snapshotBytes, comment)
            #expect(try Self.files(in: site) == siteFiles, comment)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".helpcenter-cache") }
            #expect(names.sorted() == ["site", "team.json"], comment)
        }
    }

    /// Runs `arguments` (given the API's base URL) against an emulator with `fault`.
    func run(_ fault: Fault, _ arguments: (String) -> [String]) async throws -> (result: ChildProcess.Result, url: String) {
        let client = fault.failure == nil ? Self.recoveringClient : Self.failingClient
        guard let options = fault.emulator else {
            let url = "http://127.0.0.1:1"
            return (try await CLI.run(arguments(url) + client, timeout: .seconds(60)), url)
        }
        let (emulator, url) = try await CLI.startEmulator(options)
        defer { emulator.terminate() }
        let result = try await CLI.run(arguments(url.absoluteString) + client, timeout: .seconds(60))
        return (result, url.absoluteString)
    }

    /// The two commands that fetch from the API, writing over `previous`'s snapshot or site.
    enum Command: String, CaseIterable, Sendable {
        case snapshot, build

        func arguments(baseURL: String, previous: Previous) -> [String] {
            switch self {
            case .snapshot: ["snapshot", "--team", "quillpad", "--base-url", baseURL, "-o", previous.snapshot.path]
            case .build: ["build", "--team", "quillpad", "--base-url", baseURL, "-o", previous.site.path]
            }
        }
    }

    @Test(arguments: failing, Command.allCases)
    func failsNamingTheRequestAndKeepsThePreviousSnapshotAndSite(_ fault: Fault, _ command: Command) async throws {
        let previous = try await Previous()
        let (outcome, url) = try await run(fault) { command.arguments(baseURL: $0, previous: previous) }
        let label = "\(command) with \(fault.name): \(outcome.stderr)"
        #expect(outcome.status == 3, "\(label)")
        #expect(outcome.stderr.contains("GET \(url)/api/"), "\(label)")
        #expect(outcome.stderr.contains(fault.failure ?? ""), "\(label)")
        try previous.expectUntouched("\(command) with \(fault.name)")
    }

    @Test(arguments: recovering)
    func snapshotRecoversAndEqualsTheSource(_ fault: Fault) async throws {
        let previous = try await Previous()
        let output = previous.folder.appendingPathComponent("new.json")
        let (outcome, _) = try await run(fault) {
            ["snapshot", "--team", "quillpad", "--team-name", "Quillpad", "--base-url", $0, "-o", output.path]
        }
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try SnapshotJSON.comparable(output) == SnapshotJSON.comparable(previous.snapshot))
    }

    @Test(arguments: recovering)
    func buildFromTheAPIRecoversAndEqualsABuildFromTheSource(_ fault: Fault) async throws {
        let previous = try await Previous()
        let site = previous.folder.appendingPathComponent("from-api")
        let (outcome, _) = try await run(fault) {
            ["build", "--team", "quillpad", "--team-name", "Quillpad", "--base-url", $0, "-o", site.path, "--no-cache"]
        }
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let built = try Previous.files(in: site)
        #expect(built.keys.sorted() == previous.siteFiles.keys.sorted())
        for (path, bytes) in built where bytes != previous.siteFiles[path] {
            Issue.record("\(path) differs from the build of the source snapshot")
        }
    }
}
