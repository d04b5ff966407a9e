import Foundation
import HelpCenter
import Synchronization

/// `helpcenter-markdown-bench SNAPSHOT [--threads N] [--stages] [--dump FILE]`: renders every article's
/// Markdown of a snapshot with ``MarkdownRenderer`` and prints one JSON line of timings, for
/// `Benchmarks/markdown.py`. `--stages` times each step of a render on one thread instead; `--dump`
/// writes every article's rendering (HTML, text, headings, links), in order, each followed by a NUL
/// byte, to compare two builds.
@main struct MarkdownBench {
    struct Snapshot: Decodable {
        struct Library: Decodable { var articles: [Article] }
        struct Article: Decodable { var content: String }
        var library: Library
    }

    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func value(_ name: String) -> String? {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
            defer { arguments.removeSubrange(index...(index + 1)) }
            return arguments[index + 1]
        }
        let threads = value("--threads").flatMap(Int.init) ?? 1
        let dump = value("--dump")
        let stages = arguments.contains("--stages")
        guard let path = arguments.first(where: { !$0.hasPrefix("--") }) else {
            FileHandle.standardError.write(Data("usage: helpcenter-markdown-bench SNAPSHOT [--threads N] [--stages] [--dump FILE]\n".utf8))
            exit(64)
        }
        let articles = try JSONDecoder().decode(Snapshot.self, from: Data(contentsOf: URL(fileURLWithPath: path))).library.articles
            .map(\.content)
        let bytes = articles.reduce(0) { $0 + $1.utf8.count }
        let fields: [String: Double]
        if stages {
            fields = Self.stages(articles)
        } else {
            let cpuBefore = Self.processCPUTime()
            let (seconds, html) = Self.render(articles, threads: threads, dumpAll: dump != nil)
            fields = [
                "threads": Double(threads), "seconds": seconds, "cpuSeconds": Self.processCPUTime() - cpuBefore,
                "outputBytes": Double(html.reduce(0) { $0 + $1.utf8.count }),
            ]
            if let dump {
                try Data(html.joined(separator: "\u{0}").utf8 + [0]).write(to: URL(fileURLWithPath: dump))
            }
        }
        let line = (fields.merging(["documents": Double(articles.count), "inputBytes": Double(bytes)]) { a, _ in a })
        print(String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self))
    }

    /// Every article rendered on `threads` threads, each taking the next article not yet taken.
    static func render(_ articles: [String], threads: Int, dumpAll: Bool = false) -> (seconds: Double, html: [String]) {
        let renderer = MarkdownRenderer()
        let next = Atomic<Int>(0)
        let results = Results(count: articles.count)
        let finished = DispatchSemaphore(value: 0)
        let start = DispatchTime.now()
        for _ in 0..<threads {
            Thread.detachNewThread {
                while true {
                    let index = next.add(1, ordering: .relaxed).oldValue
                    guard index < articles.count else { break }
                    results.set(index, dumpAll ? "\(renderer.render(articles[index]))" : renderer.render(articles[index]).html)
                }
                finished.signal()
            }
        }
        for _ in 0..<threads { finished.wait() }
        return (Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9, results.values)
    }

    /// The CPU time this thread has used, in seconds.
    static func threadCPUTime() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// The CPU time (user and system) this process has used, in seconds.
    static func processCPUTime() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return [usage.ru_utime, usage.ru_stime].reduce(0) { $0 + Double($1.tv_sec) + Double($1.tv_usec) / 1e6 }
    }

    /// CPU seconds each step of a render takes over all articles, on one thread: the least of three
    /// passes, in CPU time, so that other processes on the machine count less.
    static func stages(_ articles: [String]) -> [String: Double] {
        let passes = (0..<3).map { _ in stagesOnce(articles) }
        return passes.dropFirst().reduce(passes[0]) { $0.merging($1, uniquingKeysWith: min) }
    }

    static func stagesOnce(_ articles: [String]) -> [String: Double] {
        var times: [String: Double] = [:]
        func time<T>(_ name: String, _ body: () -> T) -> T {
            let start = threadCPUTime()
            let result = body()
            times[name, default: 0] += threadCPUTime() - start
            return result
        }
        let renderer = MarkdownRenderer()
        for article in articles {
            let cleaned = time("controlCharacters") { MarkdownStages.cleaned(article) }
            _ = time("inputGuard") { MarkdownStages.rejection(cleaned) }
            let start = threadCPUTime()
            var parsed = start
            let html = MarkdownStages.cmarkHTML(cleaned) { parsed = threadCPUTime() }
            times["cmarkParse", default: 0] += parsed - start
            times["cmarkHTML", default: 0] += threadCPUTime() - parsed
            _ = time("htmlFinisher") { MarkdownStages.finished(html) }
            _ = time("render") { renderer.render(article) }
        }
        return times
    }
}

/// The rendered HTML, one slot per article, filled from several threads.
final class Results: Sendable {
    private let storage: Mutex<[String]>

    init(count: Int) { storage = Mutex([String](repeating: "", count: count)) }

    func set(_ index: Int, _ html: String) { storage.withLock { $0[index] = html } }

    var values: [String] { storage.withLock { $0 } }
}
