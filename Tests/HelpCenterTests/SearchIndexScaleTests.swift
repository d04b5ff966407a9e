import Foundation
@testable import HelpCenter
import Synchronization
import SyntheticCorpus
import Testing

/// The search index of a generated 10,000-article help center: its file count and what a first query
/// can cost to load.
@Suite struct SearchIndexScaleTests {
    static let limit = 10

    /// The index of 10,000 generated articles and 1,000 posts. Bodies are tokenized from their Markdown
    /// (rendering 10,000 pages is the benchmark's job): link URLs add terms, so this errs on the large side.
    nonisolated(unsafe) static let built: (index: SearchIndexBuilder.Index, read: SearchIndexTests.ReadIndex) = {
        let corpus = CorpusGenerator(.init(articles: 10_000, posts: 1_000, seed: 7))
        let tokenizer = SearchTokenizer()
        let articles = corpus.options.articles, total = articles + corpus.options.posts
        let documents = Mutex([TokenizedDocument?](repeating: nil, count: total))
        DispatchQueue.concurrentPerform(iterations: total) { number in
            let document: SearchDocument
            if number < articles {
                let article = corpus.article(number)
                document = SearchDocument(
                    kind: .article, title: article.title, path: SitePaths.article(article.slug), group: article.category,
                    excerpt: article.excerpt, headings: Self.headings(article.content), body: article.content,
                    popularity: article.viewCount, status: nil)
            } else {
                let post = corpus.post(number - articles)
                document = SearchDocument(
                    kind: .post, title: post.title, path: SitePaths.post(post.slug), group: post.topic, excerpt: "",
                    headings: [], body: post.body, popularity: post.voteCount, status: post.status)
            }
            let tokenized = TokenizedDocument(document, tokenizer: tokenizer)
            documents.withLock { $0[number] = tokenized }
        }
        let index = SearchIndexBuilder().build(documents.withLock { $0.map { $0! } })
        let files = Dictionary(uniqueKeysWithValues: index.files.map { (String($0.path.dropFirst(SearchIndexBuilder.folder.count)), $0.data) })
        return (index, try! SearchIndexTests.ReadIndex(files: files))
    }()

    /// The level 2 and 3 headings of Markdown, as the table of contents lists them.
    static func headings(_ markdown: String) -> [SearchDocument.Heading] {
        markdown.split(separator: "\n").filter { $0.hasPrefix("## ") || $0.hasPrefix("### ") }.map {
            let text = String($0.drop { $0 == "#" }.dropFirst())
            return .init(text: text, id: text.lowercased().replacingOccurrences(of: " ", with: "-"))
        }
    }

    /// The bytes a first query can load, as `search.js` loads them: the manifest, the chunk holding each
    /// term (and the next chunk for the word being typed, when its completions continue there), and at
    /// most `limit` document chunks, counted here as the largest ones.
    static func firstQueryBytes(_ terms: [String], prefix: Bool, in read: SearchIndexTests.ReadIndex) -> Int {
        let firsts = read.manifest["termChunks"] as! [String]
        var chunks = Set<Int>()
        for (position, term) in terms.enumerated() {
            let chunk = (firsts.lastIndex { $0 <= term }) ?? 0
            chunks.insert(chunk)
            if prefix, position == terms.count - 1, chunk + 1 < firsts.count, firsts[chunk + 1].hasPrefix(term) { chunks.insert(chunk + 1) }
        }
        let termBytes = chunks.map { read.files[SearchIndexTests.ReadIndex.termChunkName(read.manifest, $0)]!.count }.reduce(0, +)
        let documentBytes = read.files.filter { $0.key.hasPrefix("d-") }.map(\.value.count).sorted(by: >).prefix(limit).reduce(0, +)
        return read.files["manifest.json"]!.count + termBytes + documentBytes
    }

    @Test func tenThousandArticlesStayUnderTwoThousandFiles() {
        let (index, read) = Self.built
        #expect(index.documents == 11_000)
        #expect(index.files.count < 2_000, "\(index.files.count) files")
        #expect(read.documents.count == 11_000)
    }

    @Test func aFirstQueryLoadsAtMostOneHundredKilobytes() {
        let read = Self.built.read
        // The most common terms, pairs of them, and three-letter prefixes being typed.
        let common = read.terms.keys.sorted { (read.terms[$0]!.documents ?? 0, $1) > (read.terms[$1]!.documents ?? 0, $0) }.prefix(100)
        var queries: [([String], Bool)] = common.map { ([$0], false) }
        for (a, b) in zip(common, common.reversed()) { queries.append(([a, b], false)) }
        for term in common where term.count > 3 { queries.append(([String(term.prefix(3))], true)) }
        for term in read.terms.keys.sorted().enumerated().filter({ $0.offset % 997 == 0 }).map(\.element) { queries.append(([term], true)) }
        let costs = queries.map { Self.firstQueryBytes($0.0, prefix: $0.1, in: read) }
        let worst = costs.max()!
        #expect(worst <= 100 * 1024, "worst first query loads \(worst) bytes: \(queries[costs.firstIndex(of: worst)!].0)")
    }

    @Test func commonTermsKeepTheirBestDocumentsWithinTheCap() throws {
        let read = Self.built.read
        let builder = SearchIndexBuilder()
        let cut = read.terms.filter { $0.value.documents != nil }
        #expect(!cut.isEmpty)
        for (term, entry) in cut {
            #expect(entry.postings.utf8.count <= builder.maxPostingsBytes, "\(term)")
            let kept = read.postings(term)
            #expect(kept.count < entry.documents!, "\(term)")
            // The head holds the term's title hits before any body-only hit.
            let weakestKept = kept.map(\.score).min()!
            #expect(kept.contains { $0.titleLength > 0 } || weakestKept < TokenizedDocument.titleWeight, "\(term)")
        }
        // "settings" is in the corpus' frequent head: cut, and its strongest documents kept.
        let settings = try #require(read.terms["settings"]?.documents)
        #expect(settings > 2_000)
    }
}
