import CStarSnapshot
import Foundation
import HelpCenter

/// Builds a site, then rebuilds it whenever its inputs change (the templates, the public folder, the
/// snapshot file, and optionally the API on a timer), telling browsers through a ``LiveReloadHub``.
/// A failed rebuild leaves the last good site in place and is shown in the browser.
public struct PreviewSession: Sendable {
    /// Where the content comes from.
    public enum Source: Sendable {
        /// A snapshot file, read again when it changes; nil is the built-in demo.
        case file(URL?, load: @Sendable () throws -> Snapshot)
        /// The live API, fetched again every `refresh` when set.
        case api(fetch: @Sendable () async throws -> Snapshot, refresh: Duration?)
    }

    /// What made a rebuild happen.
    public struct Trigger: Sendable, Equatable {
        /// The watched files (or, when only folders changed, folders) that were added, removed or
        /// changed, as absolute paths in order.
        public var files: [String] = []
        /// The team's content on the API changed.
        public var api = false

        public init(files: [String] = [], api: Bool = false) {
            self.files = files
            self.api = api
        }
    }

    /// One build's outcome, for the terminal.
    public enum Outcome: Sendable {
        case built(BuildReport, number: Int, trigger: Trigger)
        case failed(String)
    }

    public var options: SiteOptions
    public var source: Source
    public var hub: LiveReloadHub
    public var pollInterval: Duration = .milliseconds(250)

    public init(options: SiteOptions, source: Source, hub: LiveReloadHub) {
        self.options = options
        self.source = source
        self.hub = hub
    }

    /// The files and folders whose changes trigger a rebuild.
    public var watchedPaths: [URL] {
        var paths = [options.templates, options.publicFolder].compactMap { $0 }
        if case .file(let url?, _) = source { paths.append(url) }
        return paths
    }

    /// Builds once; the first build of `serve`, which refuses to start without a site.
    public func build() async throws -> (BuildReport, Snapshot) {
        let snapshot = try await load()
        return (try await SiteBuilder(options: options).build(snapshot: snapshot), snapshot)
    }

    /// Watches the inputs and rebuilds until cancelled, starting from `snapshot`.
    public func watch(from snapshot: Snapshot, report: @escaping @Sendable (Outcome) -> Void) async {
        let watcher = ChangeWatcher(paths: watchedPaths)
        var fingerprint = watcher.fingerprint()
        var current = snapshot
        var number = 1
        let clock = ContinuousClock()
        var nextFetch: ContinuousClock.Instant? = nil
        if case .api(_, let refresh?) = source { nextFetch = clock.now + refresh }
        while !Task.isCancelled {
            do { try await Task.sleep(for: pollInterval) } catch { return }
            var trigger = Trigger()
            var latest = watcher.fingerprint()
            if latest != fingerprint {
                let before = fingerprint
                // Let a burst of saves settle before building.
                repeat {
                    fingerprint = latest
                    do { try await Task.sleep(for: pollInterval) } catch { return }
                    latest = watcher.fingerprint()
                } while latest != fingerprint
                trigger.files = ChangeWatcher.changes(from: before, to: latest)
                if case .file = source {
                    do { current = try await load() } catch {
                        await fail(Self.describe(error), report: report)
                        continue
                    }
                }
            }
            if let due = nextFetch, clock.now >= due, case .api(let fetch, let refresh?) = source {
                nextFetch = clock.now + refresh
                do {
                    let fetched = try await fetch()
                    if try Self.content(fetched) != Self.content(current) {
                        current = fetched
                        trigger.api = true
                    }
                } catch {
                    await fail("fetching the team failed: " + Self.describe(error), report: report)
                }
            }
            guard trigger != Trigger() else { continue }
            do {
                let built = try await SiteBuilder(options: options).build(snapshot: current)
                number += 1
                report(.built(built, number: number, trigger: trigger))
                await hub.publish(.reload(build: number))
            } catch {
                await fail(Self.describe(error), report: report)
            }
        }
    }

    private func fail(_ message: String, report: @Sendable (Outcome) -> Void) async {
        report(.failed(message))
        await hub.publish(.problem(message))
    }

    private func load() async throws -> Snapshot {
        switch source {
        case .file(_, let load): try load()
        case .api(let fetch, _): try await fetch()
        }
    }

    /// A snapshot's content without its fetch time, to tell whether the API changed.
    static func content(_ snapshot: Snapshot) throws -> Data {
        var copy = snapshot
        copy.fetchedAt = nil
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return try encoder.encode(copy)
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? any LocalizedError, let description = error.errorDescription { return description }
        return String(describing: error)
    }
}
