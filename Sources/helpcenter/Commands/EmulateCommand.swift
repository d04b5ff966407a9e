import ArgumentParser
import CStarEmulator
import Foundation

struct EmulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulate",
        abstract: "Serve the cStar public API of one team from a snapshot on loopback.",
        discussion: """
            Serves /api/library/{team}/… and /api/community/{team}/… with the contract's envelopes, \
            filters, sorting, pagination and errors. Without --snapshot it serves the built-in demo. \
            The fault options make it misbehave on purpose, to test clients.
            """
    )

    @Option(help: "The snapshot file to serve (default: the built-in demo).")
    var snapshot: String?

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(parsing: .unconditional, help: "The port to listen on (0 picks a free one).")
    var port = 4010

    @Option(help: "Also accept this identifier (e.g. the team's UUID) in place of the team slug.")
    var teamId: String?

    @Option(parsing: .unconditional, help: "Milliseconds added before every answer.")
    var latency = 0

    @Option(parsing: .unconditional, help: "Answer every N-th request with 500.")
    var failEvery: Int?

    @Option(parsing: .unconditional, help: "Answer every N-th request with 429 and Retry-After.")
    var rateLimitEvery: Int?

    @Option(parsing: .unconditional, help: "Answer every N-th request with 503 and Retry-After, without processing it.")
    var unavailableEvery: Int?

    @Option(parsing: .unconditional, help: "The Retry-After seconds sent with injected 429s and 503s.")
    var retryAfter = 1

    @Option(parsing: .unconditional, help: "Answer every N-th request with truncated JSON.")
    var truncateEvery: Int?

    @Option(parsing: .unconditional, help: "Answer every N-th request with an HTML error page in place of JSON.")
    var malformedEvery: Int?

    @Option(parsing: .unconditional, help: "Close the connection half way through the body of every N-th request.")
    var dropEvery: Int?

    @Option(parsing: .unconditional, help: "Never answer every N-th request (the connection stays open and silent).")
    var hangEvery: Int?

    @Option(parsing: .unconditional, help: "Give one request (same method and URI) at most N of the every-N faults, so retries succeed.")
    var faultsPerRequest: Int?

    @Option(parsing: .unconditional, help: "Answer every request with this HTTP status and the error envelope (e.g. 401, 403, 409).")
    var failWith: Int?

    @Flag(help: "Answer unknown article and post slugs with 200 and null data instead of 404.")
    var notFoundAsNull = false

    @Flag(help: "Answer without the { success, data, meta } envelope.")
    var bare = false

    @Option(help: "Serve at most N items a page on every route, whatever limit asks for (a server with a lower cap).")
    var maxLimit: Int?

    @Flag(help: "Serve every list from its start, ignoring offset (a server without paging).")
    var ignoreOffset = false

    @Flag(help: "Do not log a line per request.")
    var quiet = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port).") }
        guard latency >= 0 else { throw ValidationError("--latency must be a whole number of milliseconds from 0 up, not \(latency).") }
        let counts = [
            ("--faults-per-request", faultsPerRequest), ("--fail-every", failEvery), ("--rate-limit-every", rateLimitEvery),
            ("--truncate-every", truncateEvery), ("--malformed-every", malformedEvery), ("--drop-every", dropEvery),
            ("--hang-every", hangEvery), ("--unavailable-every", unavailableEvery), ("--max-limit", maxLimit),
        ]
        for (name, value) in counts {
            if let value, value < 1 { throw ValidationError("\(name) must be at least 1, not \(value).") }
        }
        if let failWith, !(400...599).contains(failWith) {
            throw ValidationError("--fail-with must be an HTTP error status (400-599), not \(failWith).")
        }
        guard retryAfter >= 0 else { throw ValidationError("--retry-after must be a whole number of seconds from 0 up, not \(retryAfter).") }
    }

    func run() async throws {
        let content = try SnapshotSource.load(snapshot)
        let quiet = quiet
        let emulator = CStarEmulator(
            snapshot: content,
            faults: FaultInjection(
                latency: .milliseconds(latency), serverErrorEvery: failEvery, rateLimitEvery: rateLimitEvery,
                retryAfterSeconds: retryAfter, truncateEvery: truncateEvery, malformedEvery: malformedEvery,
                dropEvery: dropEvery, hangEvery: hangEvery, errorStatus: failWith, faultsPerRequest: faultsPerRequest,
                unavailableEvery: unavailableEvery),
            teamID: teamId, notFoundAsNull: notFoundAsNull, bareResponses: bare, maxLimit: maxLimit,
            ignoresOffset: ignoreOffset,
            log: { line in if !quiet { Terminal.printError(line) } }
        )
        let team = content.team.slug
        let source = SnapshotSource.describe(snapshot)
        try await emulator.run(host: host, port: port, handleSignals: true) { url in
            // Written unbuffered: scripts wait for this line to learn the URL.
            FileHandle.standardOutput.write(Data("""
                Serving team '\(team)' from \(source) at \(url.absoluteString)
                  \(url.absoluteString)/api/library/\(team)/categories
                  \(url.absoluteString)/api/community/\(team)/topics
                Press Ctrl-C to stop.

                """.utf8))
        }
    }
}
