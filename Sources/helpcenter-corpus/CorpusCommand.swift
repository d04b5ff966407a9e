import ArgumentParser
import Foundation
import SyntheticCorpus

/// `helpcenter-corpus`: writes a deterministic synthetic help center as a snapshot, for benchmarks.
@main
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpcenter-corpus",
        abstract: "Write a deterministic synthetic help center (articles, posts, comments) as a snapshot file.")

    @Option(help: "Number of articles.")
    var articles = 1000

    @Option(help: "Number of community posts.")
    var posts = 0

    @Option(help: "Random seed: the same seed and sizes give the same bytes.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "The snapshot file to write.")
    var output: String

    func validate() throws {
        guard articles >= 0, posts >= 0 else { throw ValidationError("--articles and --posts must not be negative") }
    }

    func run() throws {
        let generator = CorpusGenerator(.init(articles: articles, posts: posts, seed: seed))
        let url = URL(fileURLWithPath: output)
        let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
        try generator.writeSnapshot(to: partial)
        guard rename(partial.path, url.path) == 0 else {
            throw ValidationError("cannot move the snapshot into place at \(url.path): \(String(cString: strerror(errno)))")
        }
    }
}
