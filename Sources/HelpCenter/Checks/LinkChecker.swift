import Foundation

/// Checks that every internal link and `#anchor` of a built site resolves.
///
/// Reads the site's HTML files, resolves each `href` and `src` that stays on the site against its
/// page, and reports links to files that do not exist and fragments that name no `id` on the target.
public struct LinkChecker: Sendable {
    public struct BrokenLink: Sendable, Hashable, Codable, CustomStringConvertible {
        /// The page with the link, relative to the site root.
        public var page: String
        public var link: String
        public var reason: String

        public var description: String { "\(page): broken link \(link) (\(reason))" }
    }

    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// Every broken internal link, page by page in path order.
    public func check() throws -> [BrokenLink] {
        let pages = try htmlFiles()
        var ids: [String: Set<String>] = [:]
        var links: [String: [String]] = [:]
        for page in pages {
            let html = try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
            let parsed = Self.parse(html)
            ids[page] = parsed.ids
            links[page] = parsed.links
        }
        var broken: [BrokenLink] = []
        for page in pages {
            for link in links[page] ?? [] {
                if let reason = problem(link, on: page, ids: &ids) {
                    broken.append(BrokenLink(page: page, link: link, reason: reason))
                }
            }
        }
        return broken
    }

    private func problem(_ rawLink: String, on page: String, ids: inout [String: Set<String>]) -> String? {
        let link = Self.unescape(rawLink)
        if link.isEmpty { return "empty link" }
        let lower = link.lowercased()
        if lower.hasPrefix("//") || lower.firstMatch(of: /^[a-z][a-z0-9+.\-]*:/) != nil { return nil }
        let (pathPart, fragment) = Self.split(link)
        let target: String
        if pathPart.isEmpty {
            target = page
        } else {
            guard let resolved = resolve(pathPart, from: page) else { return "leads outside the site" }
            target = resolved
        }
        let url = root.appendingPathComponent(target)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return "no file \(target)" }
        var file = target
        if isFolder.boolValue {
            file = target.isEmpty || target.hasSuffix("/") ? target + "index.html" : target + "/index.html"
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path) else {
                return "no file \(file)"
            }
        }
        guard let fragment, !fragment.isEmpty else { return nil }
        guard file.hasSuffix(".html") else { return nil }
        if ids[file] == nil {
            let html = (try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)) ?? ""
            ids[file] = Self.parse(html).ids
        }
        let anchor = fragment.removingPercentEncoding ?? fragment
        return ids[file]?.contains(anchor) == true ? nil : "no id \"\(anchor)\" in \(file)"
    }

    /// The site path `link` leads to from `page`, or `nil` when it leaves the site.
    private func resolve(_ link: String, from page: String) -> String? {
        var parts: [Substring] = link.hasPrefix("/") ? [] : page.split(separator: "/").dropLast()
        let decoded = link.removingPercentEncoding ?? link
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

    private func htmlFiles() throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        var files: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "html" {
            files.append(String(url.standardizedFileURL.path.dropFirst(prefix.count)))
        }
        return files.sorted()
    }

    /// The `id`s and the `href`/`src` values of an HTML document.
    static func parse(_ html: String) -> (ids: Set<String>, links: [String]) {
        var ids = Set<String>()
        var links: [String] = []
        for match in html.matches(of: /<[a-zA-Z][^>]*>/) {
            let tag = match.output
            for attribute in tag.matches(of: /\s(id|name|href|src)="([^"]*)"/) {
                let (name, value) = (attribute.output.1, String(attribute.output.2))
                if name == "id" || (name == "name" && tag.hasPrefix("<a ")) {
                    ids.insert(unescape(value))
                } else if name == "href" || name == "src" {
                    links.append(value)
                }
            }
        }
        return (ids, links)
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
