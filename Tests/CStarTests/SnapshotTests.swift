import CStar
import CStarEmulator
import CStarSnapshot
import Foundation
import Testing

@Suite struct SnapshotTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writeThenReadIsLosslessAndDeterministic() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("team.json")
        try Fixture.snapshot.write(to: file)
        let first = try Data(contentsOf: file)
        let read = try Snapshot(contentsOf: file)
        #expect(read == Fixture.snapshot)
        try read.write(to: file)
        #expect(try Data(contentsOf: file) == first)
    }

    @Test func unknownKeysAtEveryLevelAreKept() throws {
        let text = """
            {"format":"cstar-help-snapshot","version":1,"team":{"slug":"t","plan":"pro"},"top":[1],
             "library":{"categories":[],"articles":[],"popular":[],"libExtra":true},
             "community":{"topics":[],"posts":[],"comments":{},"comExtra":"x"}}
            """
        let snapshot = try Snapshot(data: Data(text.utf8))
        let again = try JSONDecoder().decode(JSONValue.self, from: snapshot.encoded())
        #expect(again == (try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))))
        #expect(snapshot.community != nil && snapshot.team.displayName == "t")
    }

    @Test(arguments: [
        (#"{"format":"other","version":1}"#, "not a cStar help-center snapshot: its format is 'other'"),
        (#"{"version":1}"#, "it has no \"format\" key"),
        (#"{"format":"cstar-help-snapshot","version":2}"#, "snapshot version 2 is not supported"),
        (#"{"format":"cstar-help-snapshot","version":1,"team":{"slug":"t"},"library":{"articles":[{"id":"1","slug":"a"}]}}"#,
         "library.articles[0]: missing required key 'title'"),
        (#"{"format":"cstar-help-snapshot","version":1,"team":{"slug":"t"}"#, ":1:64: unexpected end of the text after an object member"),
        ("", ":1:1: unexpected end of the text"),
        ("{\n  \"format\": \"cstar-help-snapshot\"\n  \"version\": 1\n}", ":3:3: expected ',' or '}' after an object member"),
        ("[]", ": the snapshot must be a JSON object, not an array"),
        (#"{"format":"cstar-help-snapshot","version":1,"team":{"slug":"t"},"library":[]}"#, ": library: expected an object, got an array"),
        (#"{"format":"cstar-help-snapshot","version":1,"team":{"slug":"t"},"library":{"popular":[1]}}"#,
         ": library.popular[0]: expected a string, got a number"),
    ])
    func badFilesGiveClearErrors(content: String, expected: String) throws {
        let file = try temporaryFolder().appendingPathComponent("bad.json")
        try Data(content.utf8).write(to: file)
        do {
            _ = try Snapshot(contentsOf: file)
            Issue.record("reading should fail")
        } catch let error as SnapshotError {
            #expect(error.description.hasPrefix(file.path + ":"))
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test func missingFileIsAClearError() throws {
        let file = try temporaryFolder().appendingPathComponent("absent.json")
        let error = try #require(throws: SnapshotError.self) { try Snapshot(contentsOf: file) }
        #expect(error.description.hasPrefix(file.path + ": cannot read the file"))
    }

    @Test func writingIntoAMissingFolderFailsAndWritesNothing() throws {
        let file = try temporaryFolder().appendingPathComponent("no/such/folder/team.json")
        #expect(throws: SnapshotError.self) { try Fixture.snapshot.write(to: file) }
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test func fetcherCollectsTheWholeTeam() async throws {
        let emulator = CStarEmulator(snapshot: Fixture.snapshot)
        try await withEmulator(emulator) { url async throws in
            let configuration = testConfiguration()
            let fetcher = SnapshotFetcher(
                library: LibraryClient(teamSlug: Fixture.team, baseURL: url, configuration: configuration),
                community: CommunityClient(teamSlug: Fixture.team, baseURL: url, configuration: configuration),
                concurrency: 4)
            let fetched = try await fetcher.fetch(teamName: "Acme Inc.", now: Date(timeIntervalSince1970: 0))
            #expect(fetched.fetchedAt == "1970-01-01T00:00:00Z")
            #expect(fetched.baseURL == url.absoluteString)
            #expect(fetched.library.categories == Fixture.snapshot.library.categories)
            #expect(Set(fetched.library.articles) == Set(Fixture.snapshot.library.articles))
            #expect(fetched.library.articles.allSatisfy { $0.content != nil })
            #expect(fetched.library.popular == Fixture.snapshot.library.popular)
            #expect(fetched.library.stats == Fixture.snapshot.library.stats)
            #expect(Set(fetched.community!.posts) == Set(Fixture.publicPosts))
            let publicComments = Fixture.snapshot.community!.comments.filter { slug, _ in
                Fixture.publicPosts.contains { $0.slug == slug }
            }
            #expect(fetched.community!.comments == publicComments)
            // No article views were recorded while fetching.
            #expect(emulator.recorder.views.isEmpty)
        }
    }

    @Test func fetcherReportsTheFailingRequest() async throws {
        let emulator = CStarEmulator(snapshot: Fixture.snapshot, faults: FaultInjection(serverErrorEvery: 1))
        try await withEmulator(emulator) { url async throws in
            let configuration = testConfiguration(retries: 1)
            let fetcher = SnapshotFetcher(
                library: LibraryClient(teamSlug: Fixture.team, baseURL: url, configuration: configuration),
                community: CommunityClient(teamSlug: Fixture.team, baseURL: url, configuration: configuration))
            let error = try await #require(throws: CStarError.self) { try await fetcher.fetch() }
            #expect(error.request == "GET \(url.absoluteString)/api/library/acme/categories")
            #expect(error.kind == .server && error.attempts == 2)
        }
    }
}
