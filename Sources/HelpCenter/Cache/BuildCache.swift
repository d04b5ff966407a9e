import CStarSnapshot
import Foundation

/// What the last build wrote and what each file was made from, so the next build redoes only what
/// changed. Kept in a file beside the site (see ``SiteOptions/cacheFolder``), never inside it.
///
/// A file is reused only when its fingerprint matches and the file on disk still has the stamp the
/// build left on it, so a site edited or replaced by hand is rebuilt, not trusted.
struct BuildCache: Sendable {
    static let formatVersion: UInt64 = 2
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

    init(environment: UInt64, input: UInt64?, searchKey: UInt64, report: BuildReport, files: [String: Entry]) {
        self.environment = environment
        self.input = input
        self.searchKey = searchKey
        self.report = report
        self.files = files
    }

    struct Entry: Sendable {
        var stamp: FileStamp
        /// A page's fingerprint, or the hash of any other file's bytes.
        var hash: UInt64
        var page: PageRecord?
        /// The page record's bytes in the cache it was read from, copied as they are into the next
        /// cache when the page is kept (they refer to that cache's string table, which the next one
        /// starts from).
        var encodedRecord: ArraySlice<UInt8>?

        init(stamp: FileStamp, hash: UInt64, page: PageRecord? = nil) {
            self.stamp = stamp
            self.hash = hash
            self.page = page
        }
    }

    /// The string table of the cache this one was read from, when its records were decoded: a cache
    /// written from it keeps the table's numbering, so kept pages' records need no encoding.
    var previousStrings: [String]?
    /// How many strings the table gained since it was last written from scratch: past a quarter of
    /// it, the next cache is written from scratch, so unused strings do not pile up.
    var addedStrings = 0

    /// What the build needs of a page it does not render again.
    struct PageRecord: Sendable {
        var kind: PageKind
        var lastModified: Date?
        var warnings: [BuildWarning]
        var sourceLinks: [String]
        /// The page's ids and link targets, for the link check.
        var html: HTMLLinks
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
    /// environment. The page records are decoded by ``withPages()``.
    static func load(from url: URL, environment: UInt64) -> BuildCache? {
        guard let bytes = CacheReader.bytes(ofFileAt: url.path) else { return nil }
        var reader = CacheReader(bytes)
        guard let cache = try? decode(&reader), cache.environment == environment else { return nil }
        return cache
    }

    /// Writes the cache atomically, creating its folder.
    func save(to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(Data(encoded()), to: url)
    }

    /// Whether every file the cache lists is still on disk as the build left it.
    func siteIsIntact(at root: URL) -> Bool {
        let prefix = root.standardizedFileURL.path + "/"
        return files.allSatisfy { path, entry in FileStamp(path: prefix + path) == entry.stamp }
    }

    // MARK: - Encoding

    /// The file: a header, every file's path, stamp and hash, then a table of shared strings and the
    /// page records, which a build that finds nothing changed never decodes.
    func encoded() throws -> [UInt8] {
        let sorted = files.sorted { $0.key < $1.key }
        let pages = sorted.filter { $0.value.page != nil }
        let reusable = pages.filter { $0.value.encodedRecord != nil }.count
        // Kept pages' records are copied when most pages are kept and the table has not grown too much.
        let reuse = previousStrings.map { addedStrings * 4 < $0.count } == true && reusable * 2 > pages.count
        var table: [String] = reuse ? previousStrings! : []
        var strings: [String: Int] = Dictionary(minimumCapacity: table.count)
        for (index, text) in table.enumerated() where strings[text] == nil { strings[text] = index }
        var records = CacheWriter()
        func shared(_ text: String) {
            if strings[text] == nil {
                strings[text] = table.count
                table.append(text)
            }
            records.unsigned(UInt64(strings[text]!))
        }
        var writer = CacheWriter()
        writer.fixed(Self.formatVersion)
        writer.fixed(environment)
        writer.flag(input != nil)
        writer.fixed(input ?? 0)
        writer.fixed(searchKey)
        writer.data(try report.json())
        writer.unsigned(UInt64(sorted.count))
        for (path, entry) in sorted {
            writer.string(path)
            writer.integer(Int(entry.stamp.size))
            writer.integer(Int(entry.stamp.modified))
            writer.fixed(entry.stamp.inode)
            writer.fixed(entry.hash)
            writer.flag(entry.page != nil)
            guard let page = entry.page else { continue }
            if reuse, let bytes = entry.encodedRecord {
                records.raw(bytes)
                continue
            }
            records.string(page.kind.rawValue)
            records.flag(page.lastModified != nil)
            if let date = page.lastModified { records.fixed(date.timeIntervalSinceReferenceDate.bitPattern) }
            records.unsigned(UInt64(page.warnings.count))
            for warning in page.warnings {
                records.string(warning.kind.rawValue)
                records.string(warning.message)
            }
            records.unsigned(UInt64(page.sourceLinks.count))
            for link in page.sourceLinks { records.string(link) }
            records.unsigned(UInt64(page.html.ids.count))
            for id in page.html.ids { shared(id) }
            records.unsigned(UInt64(page.html.links.count))
            for link in page.html.links { shared(link) }
            records.flag(page.search != nil)
            guard let search = page.search else { continue }
            let document = search.document
            records.unsigned(UInt64(document.kind.rawValue))
            records.string(document.title)
            records.string(document.path)
            records.optionalString(document.group)
            records.string(document.excerpt)
            records.unsigned(UInt64(document.headings.count))
            for heading in document.headings {
                records.string(heading.text)
                records.string(heading.id)
            }
            records.integer(document.popularity)
            records.optionalString(document.status)
            records.integer(search.titleLength)
            records.unsigned(UInt64(search.terms.count))
            for (term, hit) in zip(search.terms, search.hits) {
                shared(term)
                records.unsigned(UInt64(hit.score))
                records.unsigned(UInt64(hit.heading))
                records.flag(hit.inTitle)
            }
        }
        writer.unsigned(UInt64(reuse ? addedStrings + table.count - previousStrings!.count : 0))
        writer.unsigned(UInt64(table.count))
        for text in table { writer.string(text) }
        writer.append(records)
        return Self.magic + writer.bytes
    }

    /// Decodes the header and the file list; the page records stay in `reader` for ``withPages()``.
    private static func decode(_ reader: inout CacheReader) throws -> BuildCache {
        guard Array(try reader.raw(magic.count)) == magic, try reader.fixed() == formatVersion else {
            throw CacheReader.Malformed()
        }
        let environment = try reader.fixed()
        let hasInput = try reader.flag()
        let input = try reader.fixed()
        let searchKey = try reader.fixed()
        let report = try JSONDecoder().decode(BuildReport.self, from: try reader.data())
        let pathCount = try reader.count()
        var files: [String: Entry] = [:]
        var pagePaths: [String] = []
        for _ in 0..<pathCount {
            let path = try reader.string()
            let stamp = FileStamp(
                size: Int64(try reader.integer()), modified: Int64(try reader.integer()), inode: try reader.fixed())
            files[path] = Entry(stamp: stamp, hash: try reader.fixed(), page: nil)
            if try reader.flag() { pagePaths.append(path) }
        }
        var cache = BuildCache(environment: environment, input: hasInput ? input : nil, searchKey: searchKey, report: report, files: files)
        cache.addedStrings = try reader.small()
        cache.pending = Pending(reader: reader, paths: pagePaths)
        return cache
    }

    /// The page records not decoded yet.
    private struct Pending: Sendable {
        var reader: CacheReader
        var paths: [String]
    }

    private var pending: Pending?

    /// The cache with every page's record decoded, or `nil` when they are damaged.
    func withPages() -> BuildCache? {
        guard var pending else { return self }
        var cache = self
        cache.pending = nil
        do {
            var table: [String] = []
            for _ in 0..<(try pending.reader.count()) { table.append(try pending.reader.string()) }
            for path in pending.paths {
                let start = pending.reader.offset
                cache.files[path]?.page = try Self.decodeRecord(&pending.reader, table, path: path)
                cache.files[path]?.encodedRecord = pending.reader.bytes(from: start)
            }
            guard pending.reader.isAtEnd else { return nil }
            cache.previousStrings = table
        } catch {
            return nil
        }
        return cache
    }

    /// The record of the page at `path` (which its warnings are on).
    private static func decodeRecord(_ reader: inout CacheReader, _ table: [String], path: String) throws -> PageRecord {
        guard let kind = PageKind(rawValue: try reader.string()) else { throw CacheReader.Malformed() }
        let lastModified = try reader.flag() ? Date(timeIntervalSinceReferenceDate: Double(bitPattern: try reader.fixed())) : nil
        var warnings: [BuildWarning] = []
        for _ in 0..<(try reader.count()) {
            guard let kind = BuildWarning.Kind(rawValue: try reader.string()) else { throw CacheReader.Malformed() }
            warnings.append(BuildWarning(kind, try reader.string(), page: path))
        }
        var links: [String] = []
        for _ in 0..<(try reader.count()) { links.append(try reader.string()) }
        var html = HTMLLinks(ids: [], links: [])
        for _ in 0..<(try reader.count()) { html.ids.append(try shared(&reader, table)) }
        for _ in 0..<(try reader.count()) { html.links.append(try shared(&reader, table)) }
        var search: TokenizedDocument?
        if try reader.flag() { search = try decodeSearch(&reader, terms: table) }
        return PageRecord(kind: kind, lastModified: lastModified, warnings: warnings, sourceLinks: links, html: html, search: search)
    }

    /// A string of the cache's shared table, by its number.
    private static func shared(_ reader: inout CacheReader, _ table: [String]) throws -> String {
        let index = try reader.small()
        guard index < table.count else { throw CacheReader.Malformed() }
        return table[index]
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
        var terms: [String] = []
        var hits: [TermHit] = []
        terms.reserveCapacity(count)
        hits.reserveCapacity(count)
        for _ in 0..<count {
            terms.append(try shared(&reader, termList))
            hits.append(TermHit(score: try reader.small(), heading: try reader.small(), inTitle: try reader.flag()))
        }
        let document = SearchDocument(
            kind: kind, title: title, path: path, group: group, excerpt: excerpt, headings: headings, body: "",
            popularity: popularity, status: status)
        return TokenizedDocument(document: document, terms: terms, hits: hits, titleLength: titleLength)
    }
}
