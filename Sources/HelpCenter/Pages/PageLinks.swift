import Foundation

/// Links from one page to the others: relative to the page, so the site works under any base path and
/// on any static host; rooted at the base path for pages served from any depth (the 404 page).
struct PageLinks: Sendable {
    /// The prefix from this page to the site root: `../../`, or the base path.
    let root: String

    init(path: String, basePath: String, absolute: Bool = false) {
        root = absolute ? basePath : SitePaths.root(from: path)
    }

    /// The link to the site path `target` (`""` is the home page).
    func url(_ target: String) -> String {
        let link = root + target
        return link.isEmpty ? "./" : link
    }
}
