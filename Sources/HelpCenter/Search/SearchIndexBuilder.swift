import Foundation

/// Builds the site's static search index: a small manifest, term chunks and document chunks, plain
/// JSON with content-hashed names, so a query loads only the chunks it needs and a deploy never mixes
/// old and new chunks.
///
/// Layout under `search/index/`:
/// - `manifest.json`: version, stop words, groups, the first term of every term chunk, and the
///   document chunk files.
/// - `t-<hash>.json`: `{"term": [docDelta, packed, heading, …]}` for a sorted range of terms, where
///   `packed` is `score * 8 + popularity` and `heading` is 1 + the index of the first heading with the
///   term (0 for none). Document numbers are delta-encoded.
/// - `d-<hash>.json`: documents `[kind, title, path, group, excerpt, [[heading, id], …], status]`,
///   ``documentsPerChunk`` per file, most popular documents first.
public struct SearchIndexBuilder: Sendable {
    public static let folder = "search/index/"
    public static let manifestName = "manifest.json"
    public static let formatVersion = 1

    /// Documents per document chunk.
    public var documentsPerChunk = 24
    /// Term chunks are closed once they pass this many bytes.
    public var termChunkBytes = 24 * 1024

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
        // Most popular first, so the documents most results need share the first chunks.
        let maxArticle = documents.filter { $0.document.kind == .article }.map(\.document.popularity).max() ?? 0
        let maxPost = documents.filter { $0.document.kind == .post }.map(\.document.popularity).max() ?? 0
        func popularity(_ document: SearchDocument) -> Int {
            let top = document.kind == .article ? maxArticle : maxPost
            guard top > 0, document.popularity > 0 else { return 0 }
            let scaled = log(Double(document.popularity) + 1) / log(Double(top) + 1)
            return min(7, Int((scaled * 7).rounded()))
        }
        let ordered = documents.enumerated().map { ($0.offset, $0.element, popularity($0.element.document)) }
            .sorted { $0.2 != $1.2 ? $0.2 > $1.2 : $0.0 < $1.0 }

        var groups: [String] = []
        var groupIndex: [String: Int] = [:]
        var postings: [String: [Int]] = [:]
        var lastDocument: [String: Int] = [:]
        var documentRows: [JSONRow] = []
        for (number, (_, tokenized, pop)) in ordered.enumerated() {
            let document = tokenized.document
            var group = -1
            if let name = document.group {
                if groupIndex[name] == nil {
                    groupIndex[name] = groups.count
                    groups.append(name)
                }
                group = groupIndex[name]!
            }
            documentRows.append(JSONRow(values: [
                .int(document.kind.rawValue), .string(document.title), .string(document.path), .int(group),
                .string(document.excerpt),
                .array(document.headings.map { .array([.string($0.text), .string($0.id)]) }),
                document.status.map(JSONRow.Value.string) ?? .null,
            ]))
            for (term, hit) in tokenized.terms {
                let delta = number - (lastDocument[term] ?? 0)
                lastDocument[term] = number
                postings[term, default: []] += [delta, hit.score * 8 + pop, hit.heading]
            }
        }

        var files: [(String, Data)] = []
        var termChunks: [(first: String, file: String)] = []
        var chunk = Data("{".utf8)
        var chunkFirst: String?
        func closeChunk() {
            guard let first = chunkFirst else { return }
            chunk.append(contentsOf: Array("}".utf8))
            let name = "t-\(ContentHash.hex(chunk)).json"
            files.append((Self.folder + name, chunk))
            termChunks.append((first, name))
            chunk = Data("{".utf8)
            chunkFirst = nil
        }
        for term in postings.keys.sorted() {
            let entry = Data((JSONRow.quote(term) + ":[" + postings[term]!.map(String.init).joined(separator: ",") + "]").utf8)
            if chunkFirst == nil {
                chunkFirst = term
            } else {
                chunk.append(contentsOf: Array(",".utf8))
            }
            chunk.append(entry)
            if chunk.count >= termChunkBytes { closeChunk() }
        }
        closeChunk()

        var documentChunks: [String] = []
        for start in stride(from: 0, to: documentRows.count, by: documentsPerChunk) {
            let rows = documentRows[start..<min(start + documentsPerChunk, documentRows.count)]
            let data = Data(("[" + rows.map(\.json).joined(separator: ",\n") + "]").utf8)
            let name = "d-\(ContentHash.hex(data)).json"
            files.append((Self.folder + name, data))
            documentChunks.append(name)
        }

        let manifest = JSONRow.object([
            ("version", .int(Self.formatVersion)),
            ("documents", .int(documentRows.count)),
            ("documentsPerChunk", .int(documentsPerChunk)),
            ("stopWords", .array(SearchTokenizer.stopWords.sorted().map(JSONRow.Value.string))),
            ("maxTermLength", .int(SearchTokenizer.maxTermLength)),
            ("groups", .array(groups.map(JSONRow.Value.string))),
            ("termChunks", .array(termChunks.map { .array([.string($0.first), .string($0.file)]) })),
            ("documentChunks", .array(documentChunks.map(JSONRow.Value.string))),
        ])
        files.append((Self.folder + Self.manifestName, Data(manifest.utf8)))
        return Index(files: files.sorted { $0.0 < $1.0 }, documents: documentRows.count, terms: postings.count)
    }
}

/// Compact, deterministic JSON for the index's rows.
struct JSONRow {
    indirect enum Value {
        case int(Int), string(String), array([Value]), null
    }

    var values: [Value]

    var json: String { Self.encode(.array(values)) }

    static func object(_ fields: [(String, Value)]) -> String {
        "{" + fields.map { quote($0.0) + ":" + encode($0.1) }.joined(separator: ",") + "}\n"
    }

    static func encode(_ value: Value) -> String {
        switch value {
        case .int(let number): String(number)
        case .string(let text): quote(text)
        case .array(let values): "[" + values.map(encode).joined(separator: ",") + "]"
        case .null: "null"
        }
    }

    /// A JSON string literal; `<`, `>` and `&` escaped too, so the text is inert if ever inlined.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

/// A short content hash for file names (FNV-1a, 64 bits): changes whenever the content does.
enum ContentHash {
    static func hex(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16).leftPadded(to: 16)
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
