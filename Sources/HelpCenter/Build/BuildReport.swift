import Foundation

/// What a build did: pages by kind, files and bytes written, time per phase, and content warnings.
public struct BuildReport: Sendable, Codable {
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
    }

    public struct Phase: Sendable, Codable {
        public var name: String
        public var seconds: Double
    }

    public var totalPages: Int { pages.values.reduce(0, +) }

    /// Whether a warning is a content problem, which fails a strict build.
    public var hasContentProblems: Bool { warnings.contains(where: \.kind.isContentProblem) }

    /// A few lines for a terminal.
    public var summary: String {
        let kinds = PageKind.allCases.compactMap { kind in pages[kind.rawValue].map { "\($0) \(kind.rawValue)" } }
        let phases = self.phases.map { "\($0.name) \(String(format: "%.2f", $0.seconds)) s" }
        var lines = [
            "Built \(output): \(totalPages) pages (\(kinds.joined(separator: ", "))), \(files) files\(changes), \(Self.size(bytes))"
                + (redirects > 0 ? ", \(redirects) redirect\(redirects == 1 ? "" : "s")" : ""),
            "Time: " + phases.joined(separator: ", "),
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
        phases.append(.init(name: name, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        started = now
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
