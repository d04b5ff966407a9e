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

    @Option(help: "Write the build report as JSON to this file.")
    var report: String?

    func run() async throws {
        let builder = SiteBuilder(options: input.siteOptions(output: URL(fileURLWithPath: output), force: force))
        let result: BuildReport
        if let snapshot = try await input.fetchTeam() {
            result = try await builder.build(snapshot: snapshot)
        } else {
            result = try await builder.build(snapshotFile: input.snapshot.map(URL.init(fileURLWithPath:)) ?? DemoHelpCenter.url())
        }
        Terminal.printReport(result)
        if let report {
            try AtomicFile.write(try result.json(), to: URL(fileURLWithPath: report))
        }
    }
}
