import CStarSnapshot
import Foundation

/// Every slug each article, category, topic and post has been published under, by id, so that a page
/// whose slug changes keeps its old URL working (see ``SiteOptions/slugHistory``).
///
/// Stored as small, sorted JSON meant to be committed beside the site's sources or kept between CI
/// runs: `{"format": "helpcenter-slug-history", "version": 1, "articles": {"<id>": ["slug", …]}, …}`.
public struct SlugHistory: Sendable, Equatable {
    public static let format = "helpcenter-slug-history"
    public static let version = 1

    public enum Kind: String, Sendable, CaseIterable {
        case articles, categories, topics, posts
    }

    /// Slugs by kind and id, oldest first.
    public private(set) var slugs: [Kind: [String: [String]]] = [:]

    public init() {}

    /// Reads the history at `url`; an empty history when the file does not exist yet.
    public init(contentsOf url: URL) throws {
        guard let data = try Self.fileData(at: url) else {
            self.init()
            return
        }
        try self.init(data: data, path: url.path)
    }

    /// The bytes of the history file at `url`, or `nil` when there is none yet.
    static func fileData(at url: URL) throws -> Data? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do { return try Data(contentsOf: url) } catch {
            throw BuildError.input("the slug history \(url.path): cannot read it (\(FileErrorReason.reason(error)))")
        }
    }

    /// Decodes a history read from the file at `path` (named in errors).
    public init(data: Data, path: String) throws {
        let problem = { (reason: String) in BuildError.input("the slug history \(path): \(reason)") }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw problem("it is not a JSON object")
        }
        guard object["format"] as? String == Self.format else { throw problem("it has no \"format\": \"\(Self.format)\"") }
        guard object["version"] as? Int == Self.version else { throw problem("its version is not one this helpcenter reads") }
        for kind in Kind.allCases {
            guard let entries = object[kind.rawValue] else { continue }
            guard let entries = entries as? [String: [String]] else {
                throw problem("\"\(kind.rawValue)\" must map ids to lists of slugs")
            }
            slugs[kind] = entries
        }
    }

    /// Adds `slug` as the latest slug of `id`.
    mutating func record(_ kind: Kind, id: String, slug: String) {
        guard !id.isEmpty else { return }
        var known = slugs[kind]?[id] ?? []
        if !known.contains(slug) { known.append(slug) }
        slugs[kind, default: [:]][id] = known
    }

    /// The history as JSON: sorted keys, so the same history always gives the same bytes.
    public func encoded() throws -> Data {
        var object: [String: Any] = ["format": Self.format, "version": Self.version]
        for kind in Kind.allCases { object[kind.rawValue] = slugs[kind] ?? [:] }
        var data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }

    /// Writes the history atomically.
    public func write(to url: URL) throws {
        try AtomicFile.write(try encoded(), to: url)
    }
}
