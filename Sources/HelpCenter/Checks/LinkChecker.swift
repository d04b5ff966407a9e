import Foundation

/// Checks that every internal link and `#anchor` of a built site resolves.
///
/// Resolves each `href` and `src` that stays on the site against its page, and reports links to files
/// that do not exist, links that leave the site, and fragments that name no `id` on the target page.
/// The build runs it over the pages it renders (see ``SiteOptions/strict``); ``check()`` runs it over
/// a folder on disk.
public struct LinkChecker: Sendable {
    public struct BrokenLink: Sendable, Hashable, Codable, CustomStringConvertible {
        /// The page with the link, relative to the site root.
        public var page: String
        public var link: String
        public var reason: String

        public var description: String { "\(page): broken link \(link) (\(reason))" }
    }

    public let root: URL
    /// The path the site is served under; absolute links must start with it.
    public let basePath: String

    public init(root: URL, basePath: String = "/") {
        self.root = root.standardizedFileURL
        self.basePath = SiteOptions.normalizedBasePath(basePath)
    }

    /// Every broken internal link of the site at ``root``, page by page in path order.
    public func check() throws -> [BrokenLink] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var files = Set<String>()
        var pages: [String: HTMLLinks] = [:]
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            let path = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            files.insert(path)
            if url.pathExtension == "html" {
                pages[path] = HTMLLinks(try String(contentsOf: url, encoding: .utf8))
            }
        }
        return Self.check(pages: pages, files: files, basePath: basePath)
    }

    /// The reason ``check(pages:files:basePath:pending:)`` gives a link into the `pending` folder whose
    /// file is not there yet; ``settle(_:pages:files:basePath:)`` judges it.
    static let pendingReason = "\u{0}pending"

    /// The broken links of `pages` (by site path), in a site made of `files`. Links to a missing file in
    /// the `pending` folder (one still being written) get ``pendingReason``.
    static func check(pages: [String: HTMLLinks], files: Set<String>, basePath: String, pending: String? = nil) -> [BrokenLink] {
        let sorted = pages.keys.sorted()
        // Large sites are checked in parts on all cores; the parts' results keep the pages' order.
        return ParallelParts.map(sorted.count) { range in
            check(sorted[range], pages: pages, files: files, basePath: basePath, pending: pending)
        }
    }

    /// The broken links of the pages at `paths`, in order.
    private static func check(
        _ paths: ArraySlice<String>, pages: [String: HTMLLinks], files: Set<String>, basePath: String, pending: String?
    ) -> [BrokenLink] {
        var ids: [String: Set<String>] = [:]
        var broken: [BrokenLink] = []
        // A link that climbs to the root first ("../../x/") means the same from every page as deep:
        // its verdict is kept by depth.
        var verdicts: [Int: [String: String?]] = [:]
        for page in paths {
            let folder = page.split(separator: "/").dropLast()
            let climb = String(repeating: "../", count: folder.count)
            for link in pages[page]!.links {
                let shared = !folder.isEmpty && link.hasPrefix(climb) && !link.dropFirst(climb.count).hasPrefix("..")
                let reason: String?
                if shared, let known = verdicts[folder.count]?[link] {
                    reason = known
                } else {
                    reason = problem(
                        link, on: page, folder: folder, pages: pages, files: files, basePath: basePath, pending: pending, ids: &ids)
                    if shared { verdicts[folder.count, default: [:]][link] = .some(reason) }
                }
                if let reason { broken.append(BrokenLink(page: page, link: link, reason: reason)) }
            }
        }
        return broken
    }

    /// `broken` with each link given ``pendingReason`` judged again, now that `files` holds the
    /// pending folder's files: dropped when it is fine.
    static func settle(_ broken: [BrokenLink], pages: [String: HTMLLinks], files: Set<String>, basePath: String) -> [BrokenLink] {
        var ids: [String: Set<String>] = [:]
        return broken.compactMap { link in
            guard link.reason == pendingReason else { return link }
            let folder = link.page.split(separator: "/").dropLast()
            return problem(link.link, on: link.page, folder: folder, pages: pages, files: files, basePath: basePath, pending: nil, ids: &ids)
                .map { BrokenLink(page: link.page, link: link.link, reason: $0) }
        }
    }

    private static func problem(
        _ rawLink: String, on page: String, folder: ArraySlice<Substring>, pages: [String: HTMLLinks], files: Set<String>,
        basePath: String, pending: String?, ids: inout [String: Set<String>]
    ) -> String? {
        let link = rawLink.utf8.contains(UInt8(ascii: "&")) ? unescape(rawLink) : rawLink
        if link.isEmpty { return "empty link" }
        if link.hasPrefix("//") || URLScheme.of(link) != nil { return nil }
        var (pathPart, fragment) = split(link)
        if pathPart.hasPrefix("/") {
            guard (pathPart + "/").hasPrefix(basePath) else { return "leads outside the site" }
            pathPart = "/" + pathPart.dropFirst(min(pathPart.count, basePath.count))
        }
        let target: String
        if pathPart.isEmpty {
            target = page
        } else {
            guard let resolved = resolve(pathPart, from: folder) else { return "leads outside the site" }
            target = resolved
        }
        let file: String
        if files.contains(target) {
            file = target
        } else {
            let index = target.isEmpty || target.hasSuffix("/") ? target + "index.html" : target + "/index.html"
            guard files.contains(index) else {
                if let pending, target.hasPrefix(pending) { return pendingReason }
                return "no file \(target)"
            }
            file = index
        }
        guard let fragment, !fragment.isEmpty, file.hasSuffix(".html") else { return nil }
        if ids[file] == nil { ids[file] = Set(pages[file]?.ids ?? []) }
        let anchor = fragment.contains("%") ? fragment.removingPercentEncoding ?? fragment : fragment
        return ids[file]!.contains(anchor) ? nil : "no id \"\(anchor)\" in \(file)"
    }

    /// The site path `link` leads to from a page in `folder`, or `nil` when it leaves the site.
    private static func resolve(_ link: String, from folder: ArraySlice<Substring>) -> String? {
        var parts: [Substring] = link.hasPrefix("/") ? [] : Array(folder)
        let decoded = link.contains("%") ? link.removingPercentEncoding ?? link : link
        for part in decoded.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        let path = parts.joined(separator: "/")
        return decoded.hasSuffix("/") && !path.isEmpty ? path + "/" : path
    }

    static func split(_ link: String) -> (path: String, fragment: String?) {
        let withoutQuery = link.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? link
        guard let hash = link.firstIndex(of: "#") else { return (withoutQuery, nil) }
        let path = String(link[..<hash]).split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return (path, String(link[link.index(after: hash)...]))
    }

    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
