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

        @Argument(help: "The folder to create (it must not exist, or be empty, unless --force is given).")
        var folder: String

        @Flag(help: "Write into a folder that is not empty: the theme's files replace files of the same name, nothing else is changed or deleted.")
        var force = false

        func run() async throws {
            let destination = URL(fileURLWithPath: folder)
            let fileManager = FileManager.default
            var isFolder: ObjCBool = false
            if fileManager.fileExists(atPath: destination.path, isDirectory: &isFolder) {
                guard isFolder.boolValue else { throw CommandFailure("\(folder) is a file, not a folder") }
                if !force, try !fileManager.contentsOfDirectory(atPath: destination.path).isEmpty {
                    throw CommandFailure(
                        "\(folder) is not empty; choose a new folder, or give --force to write the theme into it "
                            + "(replacing files of the same name and keeping all others)")
                }
            }
            try copyFiles(of: DefaultTheme.templates(), into: destination.appendingPathComponent("templates"))
            try copyFiles(of: DefaultTheme.publicFolder(), into: destination.appendingPathComponent("public"))
            print("""
                Copied the default theme to \(folder).
                Edit the files, then build with:
                  helpcenter build --templates \(folder)/templates --public \(folder)/public
                """)
        }

        /// Copies every file below `source` to the same place below `destination`, replacing a file
        /// that is there and leaving every other file alone.
        private func copyFiles(of source: URL, into destination: URL) throws {
            let fileManager = FileManager.default
            let paths = (fileManager.subpaths(atPath: source.path) ?? []).sorted()
            for path in paths {
                var isFolder: ObjCBool = false
                let from = source.appendingPathComponent(path)
                guard fileManager.fileExists(atPath: from.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
                let to = destination.appendingPathComponent(path)
                if fileManager.fileExists(atPath: to.path, isDirectory: &isFolder), isFolder.boolValue {
                    throw CommandFailure("\(to.path) is a folder, where the theme has a file; move it away first")
                }
                try fileManager.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(contentsOf: from).write(to: to, options: .atomic)
            }
        }
    }
}
