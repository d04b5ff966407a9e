import ArgumentParser
import CStar
import CStarSnapshot
import Foundation
import HelpCenter

@main
struct HelpCenterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpcenter",
        abstract: "Build a static help center from a cStar team's knowledge base and community.",
        discussion: """
            Exit status: 0 success; 1 the command failed (bad input, a template error, an output folder \
            it may not replace); 2 a strict build found content problems; 3 the cStar API could not be \
            reached or kept failing; 64 the command line is wrong.
            """,
        version: "0.1.0",
        subcommands: [BuildCommand.self, ServeCommand.self, SnapshotCommand.self, EmulateCommand.self, MarkdownCommand.self, ThemeCommand.self, InspectCommand.self]
    )

    /// Runs the command, then exits with the documented status for what went wrong.
    static func main() async {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                var command = command
                try command.run()
            }
        } catch let error where isArgumentParserOutcome(error) {
            exit(withError: error)
        } catch {
            Terminal.error(FileErrorReason.sentence(error))
            Foundation.exit(ExitStatus.code(for: error))
        }
    }
}

/// Whether swift-argument-parser should print and exit for `error`: a usage error, a clean exit, or a
/// request it answers itself. `helpcenter help build` parses into the parser's own help command,
/// whose `run()` throws the parser's internal `CommandError`; only `exit(withError:)` can print that.
private func isArgumentParserOutcome(_ error: any Error) -> Bool {
    if error is ValidationError || error is CleanExit || error is ExitCode { return true }
    return HelpCenterCommand.exitCode(for: error) != .failure
}

/// The exit statuses `helpcenter` documents, in one place.
enum ExitStatus {
    static let failure: Int32 = 1
    static let contentProblems: Int32 = 2
    static let apiFailure: Int32 = 3

    static func code(for error: any Error) -> Int32 {
        switch error {
        case is StrictBuildFailure: contentProblems
        case is CStarError: apiFailure
        default: failure
        }
    }
}
