import Foundation

/// A content problem found while building: the site is still built, the problem is reported.
public struct BuildWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        case unsafeSlug, duplicateSlug, unusableSlug, unknownCategory, unknownTopic, markdownFallback, skippedFile, brokenLink
        /// A field of the snapshot with a value of the wrong kind (read as absent).
        case fieldType
        /// A file in the templates folder that is no template of the theme (a misspelled name).
        case unknownTemplate
        /// A link to an article or category the site does not have; it leads to the hosted library.
        case unknownLinkTarget
        case cacheNotSaved, noTeamName
        /// No `feed.xml`: the site's URL is unknown, and an Atom feed needs absolute links.
        case feedSkipped

        /// A problem with the site's content or files, which fails a strict build (see ``SiteOptions/strict``).
        public var isContentProblem: Bool { ![.cacheNotSaved, .noTeamName, .feedSkipped].contains(self) }
    }

    public var kind: Kind
    public var message: String
    /// The page the problem is on, relative to the site root, when it is on one.
    public var page: String?

    public init(_ kind: Kind, _ message: String, page: String? = nil) {
        self.kind = kind
        self.message = message
        self.page = page
    }

    public var description: String { message }
}
