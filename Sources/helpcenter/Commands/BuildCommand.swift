import ArgumentParser
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
        try input.checkFolders()
        var options = input.siteOptions(output: URL(fileURLWithPath: output), force: force)
        options.strict = strict
        let builder = SiteBuilder(options: options) { done, total in Terminal.progress("Building pages \(done)/\(total)") }
        let result: BuildReport
        defer { Terminal.endProgress() }
        do {
            if let snapshot = try await input.fetchTeam() {
                result = try await builder.build(snapshot: snapshot)
            } else {
                result = try await builder.build(snapshotFile: input.snapshot.map(URL.init(fileURLWithPath:)) ?? DemoHelpCenter.url())
            }
        } catch let failure as StrictBuildFailure {
            Terminal.endProgress()
            Terminal.printReport(failure.report, strict: true, failed: true)
            try writeReport(failure.report)
            throw failure
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
