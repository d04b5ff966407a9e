import ArgumentParser

@main
struct HelpCenterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpcenter",
        abstract: "Build a static help center from a cStar team's knowledge base and community.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, ServeCommand.self, SnapshotCommand.self, EmulateCommand.self, MarkdownCommand.self, ThemeCommand.self, InspectCommand.self]
    )
}
