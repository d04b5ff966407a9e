import ArgumentParser
import CStar
import CStarSnapshot
import Foundation

/// How the cStar API is asked for a team's content: shared by `snapshot`, `build` and `serve`.
struct APIRequestOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Requests to the API in flight at once.")
    var concurrency = 8

    @Option(parsing: .unconditional, help: "Seconds one API request may take before it counts as a timeout.")
    var timeout = 30.0

    @Option(parsing: .unconditional, help: "Retries of a failed API request (network errors, timeouts, malformed answers, 5xx, 429).")
    var retries = 3

    /// The timeouts that work: a request is timed in whole milliseconds, for at most a day.
    static let timeouts = 0.001...86_400.0

    func validate() throws {
        guard concurrency >= 1 else { throw ValidationError("--concurrency must be a whole number from 1 up, not \(concurrency).") }
        guard Self.timeouts.contains(timeout) else {
            throw ValidationError("--timeout must be a number of seconds from 0.001 to 86400, not \(Self.plain(timeout)).")
        }
        guard retries >= 0 else { throw ValidationError("--retries must be a whole number from 0 up, not \(retries).") }
    }

    /// `timeout` as the user would write it: `0`, not `0.0`.
    private static func plain(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
    }

    /// A fetcher of `team` from the API at `baseURL` with these settings; `onRetry` hears of every retry.
    func fetcher(team: String, baseURL: URL, onRetry: (@Sendable (RetryEvent) -> Void)? = nil) -> SnapshotFetcher {
        var configuration = ClientConfiguration(timeout: .milliseconds(Int64(timeout * 1000)), onRetry: onRetry)
        configuration.retry.maxRetries = retries
        return SnapshotFetcher(
            library: LibraryClient(teamSlug: team, baseURL: baseURL, configuration: configuration),
            community: CommunityClient(teamSlug: team, baseURL: baseURL, configuration: configuration),
            concurrency: concurrency)
    }
}
