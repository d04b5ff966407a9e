import ArgumentParser
import Foundation
import HelpCenterResources

struct ThemeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the site's theme.",
        subcommands: [Init.self]
    )

    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the default theme into a folder to start your own.",
            discussion: "Writes DIR/templates and DIR/public; build with --templates DIR/templates --public DIR/public."
        )

        @Argument(help: "The folder to create (it must not exist, or be empty).")
        var folder: String

        func run() async throws {
            let destination = URL(fileURLWithPath: folder)
            let fileManager = FileManager.default
            if let entries = try? fileManager.contentsOfDirectory(atPath: destination.path), !entries.isEmpty {
                throw ValidationError("'\(folder)' is not empty; choose a new folder so nothing is overwritten.")
            }
            try fileManager.createDirectory(at: destination, withIntermediateDirectories: true)
            try fileManager.copyItem(at: DefaultTheme.templates(), to: destination.appendingPathComponent("templates"))
            try fileManager.copyItem(at: DefaultTheme.publicFolder(), to: destination.appendingPathComponent("public"))
            print("""
                Copied the default theme to \(folder).
                Edit the files, then build with:
                  helpcenter build --templates \(folder)/templates --public \(folder)/public
                """)
        }
    }
}
