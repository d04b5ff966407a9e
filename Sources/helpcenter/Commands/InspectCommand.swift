import ArgumentParser
import CStarSnapshot
import Foundation
import HelpCenter

struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Check a snapshot file and print what it holds.",
        discussion: "Warns about the content problems a build warns about: fields of the wrong type, unknown categories and topics, duplicate and unusable slugs."
    )

    @Argument(help: "The snapshot file (default: the built-in demo).")
    var snapshot: String?

    func run() async throws {
        let content = try SnapshotSource.load(snapshot)
        let library = content.library
        let community = content.community
        print("""
            \(SnapshotSource.describe(snapshot)): snapshot version \(content.version) of team '\(content.team.slug)' \
            (\(content.team.displayName))
              fetched at:  \(content.fetchedAt ?? "unknown") from \(content.baseURL ?? "unknown")
              library:     \(library.categories.count) categories, \(library.articles.count) articles, \
            \(library.popular.count) popular
              community:   \(community.map { "\($0.topics.count) topics, \($0.posts.count) posts, \($0.comments.values.reduce(0) { $0 + $1.count }) comments" } ?? "none")
            """)
        for warning in SiteContent(snapshot: content).warnings {
            Terminal.warning(warning.message, title: "helpcenter: " + warning.kind.rawValue)
        }
    }
}
