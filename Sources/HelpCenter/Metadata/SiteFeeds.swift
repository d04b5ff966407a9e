import CStar
import Foundation

/// `sitemap.xml`, `robots.txt` and the Atom feed of recently updated articles.
enum SiteFeeds {
    struct Entry {
        var path: String
        var title: String
        var summary: String?
        var id: String
        var updated: Date?
    }

    /// The sitemap: absolute URLs, so only for a site with a known URL.
    static func sitemap(_ pages: [(path: String, lastModified: Date?)], options: SiteOptions) -> String? {
        guard options.siteURL != nil else { return nil }
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"# + "\n"
        for page in pages {
            xml += "<url><loc>\(XML.escape(options.absoluteURL(page.path) ?? page.path))</loc>"
            if let date = page.lastModified { xml += "<lastmod>\(ISODate.format(date))</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }

    static func robots(options: SiteOptions) -> String {
        var text = "User-agent: *\nAllow: /\n"
        if let sitemap = options.absoluteURL(SitePaths.sitemap) { text += "\nSitemap: \(sitemap)\n" }
        return text
    }

    /// An Atom feed of the 20 most recently updated articles, for a site that has one (``SiteOptions/hasFeed``).
    static func atom(title: String, entries: [Entry], team: String, options: SiteOptions) -> String? {
        guard options.hasFeed, let site = options.absoluteURL("") else { return nil }
        let recent = entries.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element.updated ?? .distantPast, rhs.element.updated ?? .distantPast)
            return a != b ? a > b : lhs.offset < rhs.offset
        }.prefix(20).map(\.element)
        let updated = recent.compactMap(\.updated).max() ?? Date(timeIntervalSince1970: 0)
        func link(_ path: String) -> String { site + path }
        var xml = #"<?xml version="1.0" encoding="utf-8"?>"# + "\n"
        xml += #"<feed xmlns="http://www.w3.org/2005/Atom">"# + "\n"
        xml += "<title>\(XML.escape(title))</title>\n"
        xml += "<id>\(XML.escape(site))</id>\n"
        xml += "<updated>\(ISODate.format(updated))</updated>\n"
        xml += #"<link rel="alternate" type="text/html" href="\#(XML.escape(link("")))"/>"# + "\n"
        xml += "<generator>helpcenter</generator>\n"
        for entry in recent {
            xml += "<entry>\n<title>\(XML.escape(entry.title))</title>\n"
            xml += #"<link rel="alternate" type="text/html" href="\#(XML.escape(link(entry.path)))"/>"# + "\n"
            xml += "<id>urn:cstar-help:\(XML.escape(team)):article:\(XML.escape(entry.id))</id>\n"
            xml += "<updated>\(ISODate.format(entry.updated ?? updated))</updated>\n"
            if let summary = entry.summary { xml += "<summary>\(XML.escape(summary))</summary>\n" }
            xml += "</entry>\n"
        }
        return xml + "</feed>\n"
    }
}

enum XML {
    /// Escapes text and attribute values; drops characters XML 1.0 does not allow.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
