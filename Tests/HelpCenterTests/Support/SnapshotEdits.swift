import CStar
import CStarSnapshot
import Foundation
import SyntheticCorpus

/// A kind of edit a team makes to its content between two builds.
enum SnapshotEdit: CaseIterable {
    case articleBody, articleTitle, articleSlug, articleCategory, articleTags, articleViews, articleDates
    case articlePosition, articleExcerpt, articleRemoved, articleAdded
    case categoryName, categoryOrder, categoryAdded, categoryRemoved
    case postBody, postVotes, postStatus, postTopic, postAdded, postRemoved
    case commentAdded, commentEdited, commentRemoved
    case popularOrder, popularAdded, popularRemoved
    case teamName

    /// Every kind in a random order, dealt one at a time and shuffled again when all are dealt, so that a
    /// fixed number of edits covers every kind.
    struct Deck {
        private var left: [SnapshotEdit] = []

        mutating func next(using random: inout SeededGenerator) -> SnapshotEdit {
            if left.isEmpty { left = SnapshotEdit.allCases.shuffled(using: &random) }
            return left.removeLast()
        }
    }
}

/// Random edits of a snapshot, like those a team makes between two builds.
enum SnapshotEdits {
    static func edited<Object: APIObject>(_ object: Object, _ change: (inout JSONObject) -> Void) -> Object {
        var json = object.json
        change(&json)
        return Object(unchecked: json)
    }

    /// Applies one random edit and says what it was.
    static func apply(to snapshot: inout Snapshot, using random: inout SeededGenerator) -> String {
        apply(SnapshotEdit.allCases.randomElement(using: &random)!, to: &snapshot, using: &random)
    }

    /// Applies an edit of the given kind to random content and says what it was.
    static func apply(_ edit: SnapshotEdit, to snapshot: inout Snapshot, using random: inout SeededGenerator) -> String {
        switch edit {
        case .articleBody, .articleTitle, .articleSlug, .articleCategory, .articleTags, .articleViews, .articleDates,
             .articlePosition, .articleExcerpt, .articleRemoved, .articleAdded:
            editArticle(edit, in: &snapshot, using: &random)
        case .categoryName, .categoryOrder, .categoryAdded, .categoryRemoved:
            editCategory(edit, in: &snapshot, using: &random)
        case .postBody, .postVotes, .postStatus, .postTopic, .postAdded, .postRemoved:
            editPost(edit, in: &snapshot, using: &random)
        case .commentAdded, .commentEdited, .commentRemoved:
            editComment(edit, in: &snapshot, using: &random)
        case .popularOrder, .popularAdded, .popularRemoved:
            editPopular(edit, in: &snapshot.library.popular, articles: snapshot.library.articles, using: &random)
        case .teamName:
            setTeamName(of: &snapshot, using: &random)
        }
    }

    private static func editPopular(
        _ edit: SnapshotEdit, in popular: inout [String], articles: [LibraryArticle], using random: inout SeededGenerator
    ) -> String {
        switch edit {
        case .popularAdded:
            guard let slug = articles.map(\.slug).filter({ !popular.contains($0) }).randomElement(using: &random) else {
                return "popular: every article is already in it"
            }
            popular.insert(slug, at: Int.random(in: 0...popular.count, using: &random))
            return "popular: added \(slug)"
        case .popularRemoved:
            guard let index = popular.indices.randomElement(using: &random) else { return "popular: empty" }
            return "popular: removed \(popular.remove(at: index))"
        default:
            if Bool.random(using: &random) { popular.reverse() } else { popular.shuffle(using: &random) }
            return "popular order"
        }
    }

    private static func setTeamName(of snapshot: inout Snapshot, using random: inout SeededGenerator) -> String {
        snapshot.team.name = "\(word(using: &random).capitalized) Inc."
        return "team name"
    }

    // MARK: - Random values

    static func word(using random: inout SeededGenerator) -> String {
        ["sync", "offline", "billing", "zeppelin", "export", "quartz"].randomElement(using: &random)!
    }

    static func number(using random: inout SeededGenerator) -> UInt32 {
        UInt32.random(in: 0...UInt32.max, using: &random)
    }

    /// An ISO-8601 date between 2024 and 2026.
    static func date(using random: inout SeededGenerator) -> String {
        let year = Int.random(in: 2024...2026, using: &random), month = Int.random(in: 1...12, using: &random)
        let day = Int.random(in: 1...28, using: &random), hour = Int.random(in: 0...23, using: &random)
        return String(format: "%04d-%02d-%02dT%02d:%02d:00Z", year, month, day, hour, Int.random(in: 0...59, using: &random))
    }
}
