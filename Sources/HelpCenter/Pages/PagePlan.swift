import CStar
import Foundation

/// A page before it is rendered: everything it is made from, as a value. Rendering a plan gives the
/// same bytes every time, so a hash of the plan (``fingerprint``) stands for the page in the build
/// cache, and a page is rendered only when its fingerprint changed.
///
/// The Markdown documents are slots (their source); what depends on their rendering (the HTML, a table
/// of contents, a description or excerpt cut from the text, the search entry) is added by the page
/// kind's ``Completion`` when the page is rendered.
struct PagePlan: Sendable, Hashable {
    var kind: PageKind
    /// The page's site path, e.g. `articles/offline-mode/`.
    var path: String
    /// The template that fills the layout's content.
    var template: String
    var title: String
    /// The page's meta description; `nil` when the completion cuts one from the Markdown text.
    var description: String?
    /// What the page's own template reads; the layout's values are added when rendering.
    var context: TemplateObject
    var jsonLD: [JSONValue]
    var lastModified: Date?
    var warnings: [BuildWarning]
    /// The page's Markdown documents, in the order the completion reads them.
    var markdown: [String]
    /// How links in the Markdown lead: the page's path and, on an article, its API slug.
    var linkBase: LinkBase?
    var completion: Completion

    struct LinkBase: Sendable, Hashable {
        var article: String?
    }

    /// What a page with Markdown adds once its documents are rendered.
    enum Completion: Sendable, Hashable {
        case none
        case article(ArticlePage.Completion)
        case post(PostPage.Completion)
    }

    /// The path of the page's file, relative to the site root.
    var file: String { SitePaths.file(for: path) }

    /// A hash of everything the page is made from. `site` stands for what every page shares (see
    /// ``PagePlanner/siteKey``); `links` are the link targets of the page's Markdown when it was last
    /// rendered, whose resolution (`resolve`) is part of the page.
    func fingerprint(site: UInt64, links: [String], resolve: (String) -> HostedLinks.Target?) -> UInt64 {
        var hasher = StableHasher(site)
        hasher.combine(kind.rawValue)
        hasher.combine(path)
        hasher.combine(template)
        hasher.combine(title)
        hasher.combine(description)
        hasher.combine(template: .object(context))
        hasher.combine(UInt64(jsonLD.count))
        for value in jsonLD { hasher.combine(json: value) }
        hasher.combine(lastModified)
        hasher.combine(UInt64(warnings.count))
        for warning in warnings {
            hasher.combine(warning.kind.rawValue)
            hasher.combine(warning.message)
        }
        hasher.combine(UInt64(markdown.count))
        for source in markdown { hasher.combine(source) }
        hasher.combine(linkBase?.article)
        hasher.combine(linkBase != nil)
        switch completion {
        case .none: hasher.combine(0)
        case .article(let completion): completion.combine(into: &hasher)
        case .post(let completion): completion.combine(into: &hasher)
        }
        for link in links {
            hasher.combine(link)
            switch resolve(link) {
            case nil: hasher.combine(0)
            case .site(let path)?: hasher.combine(1); hasher.combine(path)
            case .hosted(let url)?: hasher.combine(2); hasher.combine(url)
            case .missing(let what, let url)?: hasher.combine(3); hasher.combine(what); hasher.combine(url)
            }
        }
        return hasher.finalize()
    }
}

extension StableHasher {
    /// A template value, object keys in their order.
    mutating func combine(template value: TemplateValue) {
        switch value {
        case .string(let text): combine(text)
        case .int(let number): combine(number)
        case .bool(let flag): combine(flag)
        case .list(let items):
            combine(UInt64(8))
            combine(UInt64(items.count))
            for item in items { combine(template: item) }
        case .object(let object):
            combine(UInt64(7))
            combine(UInt64(object.keys.count))
            for (key, item) in zip(object.keys, object.values) {
                combine(key)
                combine(template: item)
            }
        }
    }
}
