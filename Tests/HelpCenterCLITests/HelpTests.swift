import Foundation
import Testing

/// `--help`, `-h` and `help SUBCOMMAND` on the root and every subcommand print the usage and exit 0.
@Suite struct HelpTests {
    /// Every command line a user can ask for help on, with the usage line its help must show.
    static let commands: [(path: [String], usage: String)] = [
        ([], "USAGE: helpcenter <subcommand>"),
        (["build"], "USAGE: helpcenter build"),
        (["serve"], "USAGE: helpcenter serve"),
        (["snapshot"], "USAGE: helpcenter snapshot"),
        (["emulate"], "USAGE: helpcenter emulate"),
        (["markdown"], "USAGE: helpcenter markdown"),
        (["theme"], "USAGE: helpcenter theme <subcommand>"),
        (["theme", "init"], "USAGE: helpcenter theme init"),
        (["inspect"], "USAGE: helpcenter inspect"),
    ]

    @Test(arguments: commands.indices)
    func helpFlagsAndHelpSubcommandPrintTheUsage(index: Int) async throws {
        let (path, usage) = Self.commands[index]
        for arguments in [path + ["--help"], path + ["-h"], ["help"] + path] {
            let result = try await CLI.run(arguments)
            let line = "helpcenter " + arguments.joined(separator: " ")
            #expect(result.status == 0, "\(line): \(result.stderr)")
            #expect(result.stdout.contains("OVERVIEW: "), "\(line): \(result.stdout)")
            #expect(result.stdout.contains(usage), "\(line): \(result.stdout)")
            #expect(!result.stdout.contains("CommandError") && !result.stderr.contains("CommandError"), "\(line)")
            #expect(result.stderr.isEmpty, "\(line): \(result.stderr)")
        }
    }

    @Test func theRootHelpListsEverySubcommand() async throws {
        let result = try await CLI.run(["--help"])
        for name in ["build", "serve", "snapshot", "emulate", "markdown", "theme", "inspect"] {
            #expect(result.stdout.contains("\n  \(name) "), "\(name) missing from: \(result.stdout)")
        }
    }

    /// A usage error points at `--help`; following that hint must work.
    @Test func theHintAfterAUsageErrorWorks() async throws {
        let wrong = try await CLI.run(["build", "--no-such-option"])
        #expect(wrong.status == 64)
        #expect(wrong.stderr.contains("Unknown option '--no-such-option'"), "\(wrong.stderr)")
        guard let range = wrong.stderr.range(of: #"See 'helpcenter [a-z ]*--help'"#, options: .regularExpression) else {
            Issue.record("no --help hint in: \(wrong.stderr)")
            return
        }
        let hint = wrong.stderr[range].dropFirst("See 'helpcenter ".count).dropLast()
        let help = try await CLI.run(hint.split(separator: " ").map(String.init))
        #expect(help.status == 0, "\(help.stderr)")
        #expect(help.stdout.contains("USAGE: helpcenter build"))
    }

    @Test func versionPrintsTheVersion() async throws {
        let result = try await CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines).range(of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil)
    }
}
