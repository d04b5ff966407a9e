import CStar
import Foundation

/// What a build did: its outcome, pages by kind, files and bytes written, time per phase, and content
/// warnings. A build that failed has a report too (``failure(_:output:error:)``), so a CI job can read
/// one file whatever happened.
public struct BuildReport: Sendable, Codable {
    /// How the build ended.
    public enum Outcome: String, Sendable, Codable {
        /// The site was built and written (warnings may have been found).
        case built
        /// The site was already what this build would write: no file was written or removed.
        case unchanged
        /// A strict build found content problems; nothing was written.
        case contentProblems = "content-problems"
        /// The cStar API could not be reached or kept failing; nothing was written.
        case apiFailure = "api-failure"
        /// Bad input, a template error, or an output folder that may not be replaced; nothing was written.
        case failed
    }

    public var outcome: Outcome
    /// Why the build failed, when it did.
    public var error: String?
    public var output: String
    public var pages: [String: Int]
    public var files: Int
    public var bytes: Int
    /// Seconds spent in each phase, in the order they ran.
    public var phases: [Phase]
    public var warnings: [BuildWarning]
    /// Files this build wrote; the others were kept from the last build, unchanged.
    public var written: Int
    /// Files of the last build that this one deleted.
    public var removed: Int
    /// Old URLs kept working by a redirect to a page's new slug.
    public var redirects: Int

    public init(
        output: String, pages: [String: Int], files: Int, bytes: Int, phases: [Phase], warnings: [BuildWarning],
        written: Int, removed: Int, redirects: Int = 0
    ) {
        self.output = output
        self.pages = pages
        self.files = files
        self.bytes = bytes
        self.phases = phases
        self.warnings = warnings
        self.written = written
        self.removed = removed
        self.redirects = redirects
        outcome = written == 0 && removed == 0 ? .unchanged : .built
    }

    /// The report of a build that ended in `outcome` before it could write anything.
    public static func failure(_ outcome: Outcome, output: String, error: String) -> BuildReport {
        var report = BuildReport(output: output, pages: [:], files: 0, bytes: 0, phases: [], warnings: [], written: 0, removed: 0)
        report.outcome = outcome
        report.error = error
        return report
    }

    public struct Phase: Sendable, Codable {
        public var name: String
        public var seconds: Double
        /// The process's peak resident memory so far, in bytes, when the phase ended (Linux only).
        public var peakMemory: Int?

        public init(name: String, seconds: Double, peakMemory: Int? = nil) {
            self.name = name
            self.seconds = seconds
            self.peakMemory = peakMemory
        }
    }

    public var totalPages: Int { pages.values.reduce(0, +) }

    /// Whether a warning is a content problem, which fails a strict build.
    public var hasContentProblems: Bool { warnings.contains(where: \.kind.isContentProblem) }

    /// A few lines for a terminal.
    public var summary: String {
        let kinds = PageKind.allCases.compactMap { kind in pages[kind.rawValue].map { "\($0) \(kind.rawValue)" } }
        let phases = self.phases.map { "\($0.name) \(String(format: "%.2f", $0.seconds)) s" }
        let contents = "\(totalPages) pages (\(kinds.joined(separator: ", "))), \(files) files"
        let headline = outcome == .unchanged
            ? "Nothing changed: \(output) is up to date with \(contents), \(Self.size(bytes))"
            : "Built \(output): \(contents)\(changes), \(Self.size(bytes))"
        var lines = [
            headline + (redirects > 0 ? ", \(redirects) redirect\(redirects == 1 ? "" : "s")" : ""),
            "Time: " + phases.joined(separator: ", ")
                + ((self.phases.last?.peakMemory).map { "; peak memory \(Self.size($0))" } ?? ""),
        ]
        if !warnings.isEmpty { lines.append("\(warnings.count) warning\(warnings.count == 1 ? "" : "s")") }
        return lines.joined(separator: "\n")
    }

    /// What an incremental build changed, when it did not write every file.
    private var changes: String {
        guard written < files || removed > 0 else { return "" }
        return " (\(written) written\(removed > 0 ? ", \(removed) removed" : ""), \(files - written) unchanged)"
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_048_576 ? String(format: "%.1f MB", Double(bytes) / 1_048_576)
            : bytes >= 1024 ? String(format: "%.1f KB", Double(bytes) / 1024) : "\(bytes) bytes"
    }

    /// The report as JSON, for `--report FILE`.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// Measures phases of a build.
struct PhaseClock {
    private(set) var phases: [BuildReport.Phase] = []
    private var started = ContinuousClock.now

    mutating func finish(_ name: String) {
        let now = ContinuousClock.now
        let elapsed = now - started
        phases.append(.init(name: name, seconds: elapsed.inSeconds, peakMemory: PeakMemory.bytes()))
        started = now
    }
}

/// The process's peak resident set size, from `/proc/self/status` (`VmHWM`); `nil` where there is none.
enum PeakMemory {
    static func bytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kilobytes * 1024
    }
}

/// A strict build found content problems (see ``SiteOptions/strict``): nothing was written, and the
/// report lists every problem.
public struct StrictBuildFailure: Error, Sendable, CustomStringConvertible {
    public var report: BuildReport

    public var problems: [BuildWarning] { report.warnings.filter(\.kind.isContentProblem) }

    public var description: String {
        "the strict build found \(problems.count) content problem\(problems.count == 1 ? "" : "s"); the site was not written"
    }
}
