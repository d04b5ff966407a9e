import Foundation

/// A content problem found while building: the site is still built, the problem is reported.
public struct BuildWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        case unsafeSlug, duplicateSlug, unusableSlug, unknownCategory, unknownTopic, markdownFallback, skippedFile, cacheNotSaved
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
