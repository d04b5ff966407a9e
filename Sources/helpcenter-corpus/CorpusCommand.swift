import ArgumentParser
import Foundation
import SyntheticCorpus

/// `helpcenter-corpus`: writes a deterministic synthetic help center as a snapshot, for benchmarks, and
/// with `--hugo` the same articles as a Hugo site.
@main
struct CorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpcenter-corpus",
        abstract: "Write a deterministic synthetic help center (articles, posts, comments) as a snapshot file.",
        discussion: """
            With --hugo DIR it also writes the same articles as a Hugo site (hugo.toml, content/, layouts/), \
            for benchmarks against Hugo. DIR must not exist, be empty, or hold a site an earlier \
            helpcenter-corpus --hugo wrote; such a site is replaced entirely (including any public/ folder \
            Hugo wrote inside it). Give -o, --hugo or both.

            With --hostile it writes the hostile help center instead: script-injection vectors in every \
            field, pathological Markdown, and odd data (right-to-left text, emoji, empty titles, duplicate \
            slugs, missing categories, a 10 MB article, thousands of comments), for reliability tests.
            """)

    @Option(help: "Number of articles.")
    var articles = 1000

    @Option(help: "Number of community posts (the Hugo site has none).")
    var posts = 0

    @Option(help: "Random seed: the same seed and sizes give the same bytes.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "The snapshot file to write.")
    var output: String?

    @Option(help: ArgumentHelp("Also write the articles as a Hugo site into this folder.", valueName: "dir"))
    var hugo: String?

    @Flag(help: "Write the hostile help center (with -o) instead of a synthetic one.")
    var hostile = false

    func validate() throws {
        guard articles >= 0, posts >= 0 else { throw ValidationError("--articles and --posts must not be negative") }
        guard output != nil || hugo != nil else { throw ValidationError("give the snapshot file to write with -o, or a Hugo site folder with --hugo (or both)") }
        if hostile, output == nil || hugo != nil { throw ValidationError("--hostile writes a snapshot: give -o, and no --hugo") }
        if let hugo, try !HugoSiteWriter.canReplace(URL(fileURLWithPath: hugo)) {
            throw ValidationError("--hugo '\(hugo)' is not empty and is not a Hugo site written by helpcenter-corpus; choose another folder")
        }
    }

    func run() throws {
        let generator = CorpusGenerator(.init(articles: articles, posts: posts, seed: seed))
        if let output {
            let url = URL(fileURLWithPath: output)
            let partial = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial")
            if hostile {
                try HostileCorpus.snapshot().write(to: partial)
            } else {
                try generator.writeSnapshot(to: partial)
            }
            guard rename(partial.path, url.path) == 0 else {
                throw ValidationError("cannot move the snapshot into place at \(url.path): \(String(cString: strerror(errno)))")
            }
        }
        if let hugo {
            do {
                try HugoSiteWriter(generator: generator).write(replacing: URL(fileURLWithPath: hugo))
            } catch let error as HugoSiteWriter.WriteError {
                throw ValidationError(error.description)
            }
        }
    }
}
