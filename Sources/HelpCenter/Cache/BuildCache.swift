import CStarSnapshot
import Foundation

/// What the last build wrote and what each file was made from, so the next build redoes only what
/// changed. Kept in a file beside the site (see ``SiteOptions/cacheFolder``), never inside it.
///
/// A file is reused only when its fingerprint matches and the file on disk still has the stamp the
/// build left on it, so a site edited or replaced by hand is rebuilt, not trusted.
struct BuildCache: Sendable {
    static let formatVersion: UInt64 = 1
    static let magic = Array("helpcenter build cache\n".utf8)

    /// What every file depends on besides the content: the generator, the theme, the options and the
    /// output folder. A different value makes the whole cache unusable.
    var environment: UInt64
    /// The hash of the snapshot file the build read, when it read one.
    var input: UInt64?
    /// The hash of every search document's fingerprint: equal means equal search index files.
    var searchKey: UInt64
    /// The report of the build that wrote the cache, returned again when nothing changed.
    var report: BuildReport
    /// Every file of the site, by path relative to its root.
    var files: [String: Entry]

    struct Entry: Sendable {
        var stamp: FileStamp
        /// A page's fingerprint, or the hash of any other file's bytes.
        var hash: UInt64
        var page: PageRecord?

        init(stamp: FileStamp, hash: UInt64, page: PageRecord? = nil) {
            self.stamp = stamp
            self.hash = hash
            self.page = page
        }
    }

    /// What the build needs of a page it does not render again.
    struct PageRecord: Sendable {
        var kind: PageKind
        var lastModified: Date?
        var warnings: [BuildWarning]
        var sourceLinks: [String]
        /// The page's search entry, without its body text (the index does not store it).
        var search: TokenizedDocument?
    }

    /// Where the cache of the site at `output` lives in `folder`.
    static func file(in folder: URL, output: URL) -> URL {
        let name = output.standardizedFileURL.lastPathComponent.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        let hash = String(StableHasher.hash(output.standardizedFileURL.path), radix: 16)
        return folder.appendingPathComponent("\(name.isEmpty ? "site" : name)-\(hash).cache")
    }

    /// Reads the cache at `url`; `nil` when there is none, it is damaged, or it was written for another
    /// environment.
    static func load(from url: URL, environment: UInt64) -> BuildCache? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        var reader = CacheReader(Array(data))
        guard let cache = try? decode(&reader), reader.isAtEnd, cache.environment == environment else { return nil }
        return cache
    }

    /// Writes the cache atomically, creating its folder.
    func save(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(Data(encoded()), to: url)
    }

    /// Whether every file the cache lists is still on disk as the build left it.
    func siteIsIntact(at root: URL) -> Bool {
        files.allSatisfy { path, entry in FileStamp(path: root.appendingPathComponent(path).path) == entry.stamp }
    }

    // MARK: - Encoding

    func encoded() throws -> [UInt8] {
        var terms: [String: Int] = [:]
        var termList: [String] = []
        var body = CacheWriter()
        body.unsigned(UInt64(files.count))
        for (path, entry) in files.sorted(by: { $0.key < $1.key }) {
            body.string(path)
            body.integer(Int(entry.stamp.size))
            body.integer(Int(entry.stamp.modified))
            body.fixed(entry.stamp.inode)
            body.fixed(entry.hash)
            body.flag(entry.page != nil)
            guard let page = entry.page else { continue }
            body.string(page.kind.rawValue)
            body.flag(page.lastModified != nil)
            if let date = page.lastModified { body.fixed(date.timeIntervalSinceReferenceDate.bitPattern) }
            body.unsigned(UInt64(page.warnings.count))
            for warning in page.warnings {
                body.string(warning.kind.rawValue)
                body.string(warning.message)
            }
            body.unsigned(UInt64(page.sourceLinks.count))
            for link in page.sourceLinks { body.string(link) }
            body.flag(page.search != nil)
            guard let search = page.search else { continue }
            let document = search.document
            body.unsigned(UInt64(document.kind.rawValue))
            body.string(document.title)
            body.string(document.path)
            body.optionalString(document.group)
            body.string(document.excerpt)
            body.unsigned(UInt64(document.headings.count))
            for heading in document.headings {
                body.string(heading.text)
                body.string(heading.id)
            }
            body.integer(document.popularity)
            body.optionalString(document.status)
            body.integer(search.titleLength)
            body.unsigned(UInt64(search.terms.count))
            for (term, hit) in search.terms.sorted(by: { $0.key < $1.key }) {
                if terms[term] == nil {
                    terms[term] = termList.count
                    termList.append(term)
                }
                body.unsigned(UInt64(terms[term]!))
                body.unsigned(UInt64(hit.score))
                body.unsigned(UInt64(hit.heading))
                body.flag(hit.inTitle)
            }
        }
        var writer = CacheWriter()
        writer.fixed(Self.formatVersion)
        writer.fixed(environment)
        writer.flag(input != nil)
        writer.fixed(input ?? 0)
        writer.fixed(searchKey)
        writer.data(try report.json())
        writer.unsigned(UInt64(termList.count))
        for term in termList { writer.string(term) }
        writer.append(body)
        return Self.magic + writer.bytes
    }

    private static func decode(_ reader: inout CacheReader) throws -> BuildCache {
        guard Array(try reader.raw(magic.count)) == magic, try reader.fixed() == formatVersion else {
            throw CacheReader.Malformed()
        }
        let environment = try reader.fixed()
        let hasInput = try reader.flag()
        let input = try reader.fixed()
        let searchKey = try reader.fixed()
        let report = try JSONDecoder().decode(BuildReport.self, from: try reader.data())
        var termList: [String] = []
        for _ in 0..<(try reader.count()) { termList.append(try reader.string()) }
        var files: [String: Entry] = [:]
        for _ in 0..<(try reader.count()) {
            let path = try reader.string()
            let stamp = FileStamp(
                size: Int64(try reader.integer()), modified: Int64(try reader.integer()), inode: try reader.fixed())
            var entry = Entry(stamp: stamp, hash: try reader.fixed(), page: nil)
            if try reader.flag() {
                guard let kind = PageKind(rawValue: try reader.string()) else { throw CacheReader.Malformed() }
                let lastModified = try reader.flag() ? Date(timeIntervalSinceReferenceDate: Double(bitPattern: try reader.fixed())) : nil
                var warnings: [BuildWarning] = []
                for _ in 0..<(try reader.count()) {
                    guard let kind = BuildWarning.Kind(rawValue: try reader.string()) else { throw CacheReader.Malformed() }
                    warnings.append(BuildWarning(kind, try reader.string()))
                }
                var links: [String] = []
                for _ in 0..<(try reader.count()) { links.append(try reader.string()) }
                var search: TokenizedDocument?
                if try reader.flag() { search = try decodeSearch(&reader, terms: termList) }
                entry.page = PageRecord(kind: kind, lastModified: lastModified, warnings: warnings, sourceLinks: links, search: search)
            }
            files[path] = entry
        }
        return BuildCache(environment: environment, input: hasInput ? input : nil, searchKey: searchKey, report: report, files: files)
    }

    private static func decodeSearch(_ reader: inout CacheReader, terms termList: [String]) throws -> TokenizedDocument {
        guard let kind = SearchDocument.Kind(rawValue: try reader.small()) else { throw CacheReader.Malformed() }
        let title = try reader.string()
        let path = try reader.string()
        let group = try reader.optionalString()
        let excerpt = try reader.string()
        var headings: [SearchDocument.Heading] = []
        for _ in 0..<(try reader.count()) { headings.append(.init(text: try reader.string(), id: try reader.string())) }
        let popularity = try reader.integer()
        let status = try reader.optionalString()
        let titleLength = try reader.integer()
        let count = try reader.count()
        var terms: [String: TermHit] = Dictionary(minimumCapacity: count)
        for _ in 0..<count {
            let index = try reader.small()
            guard index < termList.count else { throw CacheReader.Malformed() }
            terms[termList[index]] = TermHit(
                score: try reader.small(), heading: try reader.small(), inTitle: try reader.flag())
        }
        let document = SearchDocument(
            kind: kind, title: title, path: path, group: group, excerpt: excerpt, headings: headings, body: "",
            popularity: popularity, status: status)
        return TokenizedDocument(document: document, terms: terms, titleLength: titleLength)
    }
}
