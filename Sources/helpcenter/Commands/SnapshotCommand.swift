import ArgumentParser
import CStar
import CStarSnapshot
import Foundation

struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Save a team's content from the cStar API to a snapshot file for offline builds.",
        discussion: """
            Fetches all categories, every article in full, popular articles, stats, topics, and every \
            public post with its comments, then writes the file atomically: when a request still fails \
            after retries, it exits non-zero naming the request and leaves any existing file as it was.
            """
    )

    @Option(help: "The team's slug (default: $CSTAR_TEAM).")
    var team: String?

    @Option(help: "The API origin (default: $CSTAR_BASE_URL, else https://www.cstar.help).")
    var baseUrl: String?

    @Option(name: .shortAndLong, help: "The snapshot file to write.")
    var output: String

    @Option(help: "The team's display name to record in the snapshot.")
    var teamName: String?

    @OptionGroup var requests: APIRequestOptions

    func validate() throws {
        _ = try HTTPURLOption.parse(apiBaseURL, option: "--base-url")
        guard let team = apiTeam else { throw ValidationError("give the team's slug with --team or the CSTAR_TEAM environment variable.") }
        guard !team.isEmpty else { throw ValidationError("--team must not be empty.") }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue {
            throw ValidationError("--output '\(output)' is a folder; name the snapshot file to write.")
        }
    }

    var apiTeam: String? { team ?? CStarEnvironment.team }
    var apiBaseURL: String { baseUrl ?? CStarEnvironment.baseURL }

    func run() async throws {
        let team = apiTeam ?? ""
        let started = ContinuousClock.now
        let baseURL = try HTTPURLOption.parse(apiBaseURL, option: "--base-url")
        let retries = RetryTally()
        let fetcher = requests.fetcher(team: team, baseURL: baseURL, onRetry: retries.record)
        let snapshot: Snapshot
        do {
            snapshot = try await fetcher.fetch(teamName: teamName) { progress in
                let count = progress.total.map { " \(progress.done)/\($0)" } ?? ""
                Terminal.progress("Fetching \(progress.phase)\(count)")
            }
        } catch {
            Terminal.endProgress()
            if let summary = retries.summary { Terminal.printError("Before the failure: \(summary).") }
            throw error
        }
        Terminal.endProgress()
        if let summary = retries.summary { Terminal.printError("\(summary).") }
        try snapshot.write(to: URL(fileURLWithPath: output))
        let community = snapshot.community
        let elapsed = ContinuousClock.now - started
        let seconds = String(format: "%.2f s", elapsed.inSeconds)
        Terminal.printError(
            "Wrote \(output): \(snapshot.library.categories.count) categories, \(snapshot.library.articles.count) articles, "
                + "\(community?.topics.count ?? 0) topics, \(community?.posts.count ?? 0) posts, "
                + "\(community?.comments.values.reduce(0) { $0 + $1.count } ?? 0) comments in \(seconds).")
    }
}
