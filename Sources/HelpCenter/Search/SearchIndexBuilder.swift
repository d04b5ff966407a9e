import Foundation

/// Builds the site's static search index: a small manifest, term chunks, document chunks and a group
/// table, plain JSON with content-hashed names, so a query loads only the chunks it needs and a deploy
/// never mixes old and new chunks.
///
/// Layout under `search/index/`:
/// - `manifest.json`: version, tokenizer settings, groups, popularity runs, the first term of every term
///   chunk with the chunks' hashes (``ContentHash/length`` hex digits each, concatenated), and the hash
///   of the document rows and of the group table.
/// - `t-<hash>.json`: `{"term": "postings", …}` for a sorted range of terms (``PostingsEncoding``).
///   A common term whose postings pass ``maxPostingsBytes`` keeps only its best-scoring documents and
///   is written `"term": ["postings", documentCount]`; the browser treats it as optional in a query.
/// - `d-<hash>-<n>.json`: documents `[kind, title, path, group, excerpt, [[heading, id], …], status]`,
///   articles then posts, most popular first; `hash` covers every row, so editing an article's body
///   leaves these files alone while any change to what results show renames them all.
/// - `g-<hash>.json`: the group number of every document, for the category and topic filter.
public struct SearchIndexBuilder: Sendable {
    public static let folder = "search/index/"
    public static let manifestName = "manifest.json"
    public static let formatVersion = 2

    /// Term chunks stay under this many bytes (unless one term alone is larger).
    public var termChunkBytes = 12 * 1024
    /// A term's postings are cut to its best documents beyond this many bytes.
    public var maxPostingsBytes = 4 * 1024
    /// Documents per document chunk: at least this many, more on large sites to bound the file count.
    public var minDocumentsPerChunk = 8
    public var maxDocumentChunks = 1200

    public init() {}

    /// A built index: its files by path relative to the site root.
    public struct Index: Sendable {
        public var files: [(path: String, data: Data)]
        public var documents: Int
        public var terms: Int
        public var bytes: Int { files.reduce(0) { $0 + $1.data.count } }
    }

    /// Builds the index of `documents` (tokenized in any order; their order here fixes ties).
    func build(_ documents: [TokenizedDocument]) -> Index {
        let ordered = Self.order(documents)
        var files: [(String, Data)] = []
        func addFile(_ prefix: String, _ bytes: [UInt8]) -> String {
            let hash = ContentHash.hex(bytes)
            files.append((Self.folder + "\(prefix)-\(hash).json", Data(bytes)))
            return hash
        }
        var termFirsts: [IndexJSON.Value] = []
        var termHashes = ""

        var groups: [String] = []
        var groupIndex: [String: Int] = [:]
        var documentGroups: [Int] = []
        var postings: [String: [PostingsEncoding.Posting]] = [:]
        var documentRows: [String] = []
        for (number, entry) in ordered.enumerated() {
            let document = entry.tokenized.document
            var group = -1
            if let name = document.group {
                if groupIndex[name] == nil {
                    groupIndex[name] = groups.count
                    groups.append(name)
                }
                group = groupIndex[name]!
            }
            documentGroups.append(group)
            documentRows.append(IndexJSON.encode(.array([
                .int(document.kind.rawValue), .string(document.title), .string(document.path), .int(group),
                .string(Self.shorten(document.excerpt)),
                .array(Self.linkedHeadings(document.headings).map { .array([.string($0.text), .string($0.id)]) }),
                document.status.map(IndexJSON.Value.string) ?? .null,
            ])))
            for (term, hit) in zip(entry.tokenized.terms, entry.tokenized.hits) {
                postings[term, default: []].append(.init(
                    document: number, score: Int(hit.score), heading: Int(hit.heading),
                    titleLength: hit.inTitle ? max(1, entry.tokenized.titleLength) : 0))
            }
        }

        var chunk: [UInt8] = []
        var chunkFirst: String?
        func closeChunk() {
            guard let first = chunkFirst else { return }
            chunk.append(UInt8(ascii: "}"))
            termFirsts.append(.string(first))
            termHashes += addFile("t", chunk)
            chunk = []
            chunkFirst = nil
        }
        for term in postings.keys.sorted() {
            let list = postings[term]!
            var encoded = PostingsEncoding.encode(list)
            var value = "\"" + String(decoding: encoded, as: UTF8.self) + "\""
            if encoded.count > maxPostingsBytes {
                encoded = head(of: list)
                value = "[\"" + String(decoding: encoded, as: UTF8.self) + "\",\(list.count)]"
            }
            let entry = Array((IndexJSON.quote(term) + ":" + value).utf8)
            if chunk.count + entry.count >= termChunkBytes { closeChunk() }
            chunk.append(UInt8(ascii: chunkFirst == nil ? "{" : ","))
            chunkFirst = chunkFirst ?? term
            chunk.append(contentsOf: entry)
        }
        closeChunk()

        let perChunk = max(minDocumentsPerChunk, (documentRows.count + maxDocumentChunks - 1) / maxDocumentChunks)
        let documentsHash = ContentHash.hex(Array(documentRows.joined(separator: "\n").utf8))
        var documentChunks = 0
        for start in stride(from: 0, to: documentRows.count, by: perChunk) {
            let rows = documentRows[start..<min(start + perChunk, documentRows.count)]
            files.append((Self.folder + "d-\(documentsHash)-\(documentChunks).json", Data(("[" + rows.joined(separator: ",\n") + "]").utf8)))
            documentChunks += 1
        }
        let groupTable = addFile("g", Array(IndexJSON.encode(.array(documentGroups.map(IndexJSON.Value.int))).utf8))

        var runs: [IndexJSON.Value] = []
        for (number, entry) in ordered.enumerated() where number == 0 || ordered[number - 1].popularity != entry.popularity {
            runs.append(.array([.int(number), .int(entry.popularity)]))
        }
        let manifest = IndexJSON.object([
            ("version", .int(Self.formatVersion)),
            ("documents", .int(documentRows.count)),
            ("articles", .int(ordered.filter { $0.tokenized.document.kind == .article }.count)),
            ("documentsPerChunk", .int(perChunk)),
            ("stopWords", .array(SearchTokenizer.stopWords.sorted().map(IndexJSON.Value.string))),
            ("maxTermLength", .int(SearchTokenizer.maxTermLength)),
            ("groups", .array(groups.map(IndexJSON.Value.string))),
            ("popularity", .array(runs)),
            ("termChunks", .array(termFirsts)),
            ("termHashes", .string(termHashes)),
            ("documentsHash", .string(documentsHash)),
            ("documentChunks", .int(documentChunks)),
            ("groupTable", .string(groupTable)),
        ])
        files.append((Self.folder + Self.manifestName, Data(manifest.utf8)))
        return Index(files: files.sorted { $0.0 < $1.0 }, documents: documentRows.count, terms: postings.count)
    }

    /// Excerpts beyond this many characters are cut at a word for the index.
    static let maxExcerpt = 160
    /// The headings results can link to: the first ones, up to this many bytes of text, so a long
    /// article does not swell the document chunk every result of it loads.
    static let maxHeadingBytes = 600

    static func linkedHeadings(_ headings: [SearchDocument.Heading]) -> [SearchDocument.Heading] {
        var bytes = 0
        return Array(headings.prefix(PostingsEncoding.maxHeading).prefix { heading in
            bytes += heading.text.utf8.count + heading.id.utf8.count
            return bytes <= maxHeadingBytes
        })
    }

    static func shorten(_ text: String) -> String {
        guard text.count > maxExcerpt else { return text }
        let cut = text.prefix(maxExcerpt - 1)
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? String(cut)) + "…"
    }

    /// Articles, then posts; each most popular first, then in the order given.
    static func order(_ documents: [TokenizedDocument]) -> [(tokenized: TokenizedDocument, popularity: Int)] {
        var top: [SearchDocument.Kind: Int] = [:]
        for document in documents { top[document.document.kind] = max(top[document.document.kind] ?? 0, document.document.popularity) }
        let ranked = documents.enumerated().map { offset, tokenized in
            let document = tokenized.document, most = top[document.kind] ?? 0
            var bucket = 0
            if most > 0, document.popularity > 0 {
                bucket = min(7, Int((log(Double(document.popularity) + 1) / log(Double(most) + 1) * 7).rounded()))
            }
            return (offset: offset, tokenized: tokenized, popularity: bucket)
        }
        return ranked.sorted {
            let (a, b) = ($0.tokenized.document.kind.rawValue, $1.tokenized.document.kind.rawValue)
            if a != b { return a < b }
            return $0.popularity != $1.popularity ? $0.popularity > $1.popularity : $0.offset < $1.offset
        }.map { ($0.tokenized, $0.popularity) }
    }

    /// The encoded postings of a common term's best documents (highest score, then most popular) that
    /// fit in ``maxPostingsBytes``.
    func head(of postings: [PostingsEncoding.Posting]) -> [UInt8] {
        let best = postings.sorted { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
        func encoded(_ count: Int) -> [UInt8] {
            PostingsEncoding.encode(best.prefix(count).sorted { $0.document < $1.document })
        }
        var low = 1, high = best.count
        while low < high {
            let middle = (low + high + 1) / 2
            if encoded(middle).count <= maxPostingsBytes { low = middle } else { high = middle - 1 }
        }
        return encoded(low)
    }
}
