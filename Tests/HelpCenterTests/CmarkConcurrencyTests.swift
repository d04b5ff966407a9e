import Foundation
@testable import HelpCenter
import SyntheticCorpus
import Testing

extension Tag {
    /// Tests that run for seconds to catch races; `swift test --filter CmarkConcurrency` runs them alone.
    @Tag static var stress: Self
}

/// cmark-gfm 0.29.0.gfm.6 shares one special-character table between all parsers, and every
/// `cmark_parser_finish` sets and then clears the characters of its inline extensions (`~` for
/// strikethrough, `:` and `w` for autolinks). Whatever ``Cmark`` runs in parallel must therefore give
/// exactly the HTML it gives one document at a time, on real threads, for seconds.
@Suite(.serialized) struct CmarkConcurrencyTests {
    /// Every GFM spec example, extensions and regressions included, in both raw-HTML modes, and large
    /// synthetic articles full of strikethrough, autolinks, tables, task lists and footnotes.
    static let documents: [(markdown: String, unsafe: Bool)] = {
        let spec = GFMSpecTests.examples.flatMap { [($0.markdown, false), ($0.markdown, true)] }
        let corpus = CorpusGenerator(.init(articles: 40, seed: 14))
        let synthetic = (0..<40).map { index in
            (markdown: extensionHeavy(corpus.article(index).content, number: index), unsafe: index.isMultiple(of: 2))
        }
        return spec + synthetic
    }()

    /// `article` with a line of strikethrough, autolinks and a footnote after each of its paragraphs.
    static func extensionHeavy(_ article: String, number: Int) -> String {
        let blocks = article.components(separatedBy: "\n\n")
        let extra = """
            ~~Retired~~ see https://example.com/\(number)?q=1, www.example.org/a~b and help@example.com, or ~one~ [^n\(number)].
            """
        return blocks.map { $0 + "\n\n" + extra }.joined(separator: "\n\n")
            + "\n\n| ~~a~~ | www.example.net |\n|---|:-:|\n| x | https://x.example |\n\n- [x] ~~done~~\n\n[^n\(number)]: Note https://n.example.\n"
    }

    static func html(_ document: (markdown: String, unsafe: Bool)) -> String {
        MarkdownRenderer(options: .init(allowRawHTML: document.unsafe)).render(document.markdown).html
    }

    /// Renders every document serially, then on `threads` threads at once for `seconds`, each thread
    /// in its own order; returns how many parallel renderings differed and how many there were.
    static func raceCount(threads: Int, seconds: Double) -> (differing: Int, total: Int, first: String?) {
        let inputs = documents
        let expected = inputs.map(html)
        let tally = Tally()
        let deadline = Date().addingTimeInterval(seconds)
        let finished = DispatchSemaphore(value: 0)
        for worker in 0..<threads {
            Thread.detachNewThread {
                var order = Array(inputs.indices)
                var random = SystemRandomNumberGenerator()
                var differing = 0
                var total = 0
                var first: String?
                while Date() < deadline {
                    order.shuffle(using: &random)
                    for index in order.prefix(64 + worker) {
                        let rendered = html(inputs[index])
                        total += 1
                        if rendered != expected[index] {
                            differing += 1
                            if first == nil { first = inputs[index].markdown }
                        }
                    }
                }
                tally.add(differing: differing, total: total, first: first)
                finished.signal()
            }
        }
        for _ in 0..<threads { finished.wait() }
        return tally.result
    }

    @Test(.tags(.stress)) func parallelParsingGivesTheSerialHTML() {
        for threads in 2...4 {
            let (differing, total, first) = Self.raceCount(threads: threads, seconds: 2)
            #expect(total > 1_000)
            #expect(differing == 0, "\(differing) of \(total) renderings on \(threads) threads differed, the first of: \(first ?? "")")
        }
    }

    /// The stress inputs exercise what the race breaks.
    @Test func theInputsUseTheInlineExtensions() {
        let html = Self.html(Self.documents.last!)
        #expect(html.contains("<del>Retired</del>") && html.contains(#"<a href="http://www.example.org/a~b" rel="noopener">"#))
        #expect(html.contains(#"<a href="mailto:help@example.com">help@example.com</a>"#) && html.contains("<th><del>a</del></th>"))
    }
}

/// The counts the stress threads report.
private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var differing = 0
    private var total = 0
    private var first: String?

    func add(differing: Int, total: Int, first: String?) {
        lock.withLock {
            self.differing += differing
            self.total += total
            if self.first == nil { self.first = first }
        }
    }

    var result: (differing: Int, total: Int, first: String?) { lock.withLock { (differing, total, first) } }
}
