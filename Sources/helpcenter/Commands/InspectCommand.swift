import ArgumentParser
import CStarSnapshot
import Foundation

struct InspectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Check a snapshot file and print what it holds."
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
    }
}
