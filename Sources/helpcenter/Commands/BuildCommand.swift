import ArgumentParser
import CStar
import CStarSnapshot
import Foundation
import HelpCenter
import HelpCenterResources

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the static help center.",
        discussion: """
            Reads a snapshot (--snapshot), or fetches the team from the cStar API (--team), or with \
            neither builds the built-in demo. The site is written atomically: a failed build leaves the \
            previous site as it was.
            """
    )

    @OptionGroup var input: SiteInputOptions

    @Option(name: .shortAndLong, help: "The folder to write the site to.")
    var output = "_site"

    @Flag(help: "Replace the output folder even if helpcenter did not create it.")
    var force = false

    @Option(help: "Write the build report as JSON to this file, with every warning.")
    var report: String?

    @Flag(help: "Fail (exit status 2, the previous site left in place) on broken links or anchors, duplicate slugs, articles in unknown categories and other content problems.")
    var strict = false

    func run() async throws {
        var options = input.siteOptions(output: URL(fileURLWithPath: output), force: force)
        options.strict = strict
        let snapshotFile = input.apiTeam == nil ? try input.snapshot.map(URL.init(fileURLWithPath:)) ?? DemoHelpCenter.url() : nil
        let conflicts = BuildLocations(options: options, snapshotFile: snapshotFile, reportFile: report.map(URL.init(fileURLWithPath:))).conflicts()
        // A report for every outcome, so a CI job reads the same file whatever happened; unless the
        // report itself is what is in the way.
        let mayReport = !conflicts.contains { $0.roles.contains(.report) }
        let builder = SiteBuilder(options: options) { done, total in Terminal.progress("Building pages \(done)/\(total)") }
        let result: BuildReport
        defer { Terminal.endProgress() }
        do {
            try input.checkFolders()
            // Before anything is fetched or read: no input may be lost, and the report must have a place.
            if let first = conflicts.first { throw BuildError.output(first.description) }
            if let snapshot = try await input.fetchTeam() {
                result = try await builder.build(snapshot: snapshot)
            } else {
                result = try await builder.build(snapshotFile: snapshotFile ?? DemoHelpCenter.url())
            }
        } catch let failure as StrictBuildFailure {
            Terminal.endProgress()
            Terminal.printReport(failure.report, strict: true, failed: true)
            try writeReport(failure.report)
            throw failure
        } catch {
            let outcome: BuildReport.Outcome = error is CStarError ? .apiFailure : .failed
            if mayReport { try? writeReport(.failure(outcome, output: options.output.path, error: String(describing: error))) }
            throw error
        }
        Terminal.endProgress()
        Terminal.printReport(result, strict: strict)
        try writeReport(result)
    }

    private func writeReport(_ result: BuildReport) throws {
        guard let report else { return }
        try AtomicFile.write(try result.json(), to: URL(fileURLWithPath: report))
    }
}
