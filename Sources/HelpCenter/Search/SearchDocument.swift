import Foundation

/// One searchable page: an article or a community post, with what results show and how it ranks.
public struct SearchDocument: Sendable, Hashable {
    public enum Kind: Int, Sendable, Hashable {
        case article = 0, post = 1
    }

    public struct Heading: Sendable, Hashable {
        public var text: String
        public var id: String
    }

    public var kind: Kind
    public var title: String
    /// The page's path from the site root, e.g. `articles/offline-mode/`.
    public var path: String
    /// The category (articles) or topic (posts) name.
    public var group: String?
    public var excerpt: String
    public var headings: [Heading]
    /// The page's text without markup.
    public var body: String
    /// A raw popularity signal: an article's views, a post's votes.
    public var popularity: Int
    /// A post's status, e.g. `officially_answered`.
    public var status: String?
}

/// Where a term occurs in a document, as the index stores it: three bytes, since a large site holds
/// millions of them until its index is written.
struct TermHit: Sendable, Hashable {
    /// Field-weighted occurrences, capped to fit the index's encoding.
    var score: UInt8
    /// 1 + the index of the first heading containing the term; 0 when no heading does. Headings
    /// beyond ``PostingsEncoding/maxHeading`` are stored as `maxHeading + 1` (the index links those to
    /// the page, as it does for 0).
    var heading: UInt8
    /// Whether the document's title holds the term.
    var inTitle = false

    init(score: Int, heading: Int, inTitle: Bool = false) {
        self.score = UInt8(min(score, TokenizedDocument.maxScore))
        self.heading = UInt8(min(heading, PostingsEncoding.maxHeading + 1))
        self.inTitle = inTitle
    }
}

/// A document broken into weighted terms, ready to be merged into the index.
struct TokenizedDocument: Sendable {
    /// The document, without its body text once tokenized.
    var document: SearchDocument
    /// The document's distinct terms, sorted, and where each occurs (``hits``, in the same order).
    var terms: [String]
    var hits: [TermHit]
    /// How many terms the title has: with ``TermHit/inTitle``, how much of the title a query covers.
    var titleLength: Int

    /// Field weights: a title word counts most, then headings, then group and excerpt, then body text.
    static let titleWeight = 16, headingWeight = 6, summaryWeight = 3, bodyWeight = 1, maxBodyHits = 4
    static let maxScore = 63

    init(document: SearchDocument, terms: [String], hits: [TermHit], titleLength: Int) {
        self.document = document
        self.terms = terms
        self.hits = hits
        self.titleLength = titleLength
    }

    init(_ document: SearchDocument, tokenizer: SearchTokenizer) {
        self.document = document
        // One hash lookup per occurrence: each distinct term's slot in the arrays below, which also
        // count its occurrences in the field being added (`field` tells a new field's count from an old one's).
        var slots: [String: Int] = [:]
        var scores: [Int] = [], headings: [Int] = [], inTitle: [Bool] = [], counts: [Int] = [], fields: [Int] = []
        var field = 0
        func add(_ text: [String], weight: Int, cap: Int = 1, heading: Int = 0, title: Bool = false) {
            field += 1
            for term in text {
                let slot: Int
                if let found = slots[term] {
                    slot = found
                } else {
                    slot = scores.count
                    slots[term] = slot
                    scores.append(0)
                    headings.append(0)
                    inTitle.append(false)
                    counts.append(0)
                    fields.append(0)
                }
                if fields[slot] != field {
                    fields[slot] = field
                    counts[slot] = 0
                }
                guard counts[slot] < cap else { continue }
                counts[slot] += 1
                scores[slot] = min(Self.maxScore, scores[slot] + weight)
                if headings[slot] == 0 { headings[slot] = heading }
                inTitle[slot] = inTitle[slot] || title
            }
        }
        let title = tokenizer.terms(document.title)
        add(title, weight: Self.titleWeight, title: true)
        for (index, heading) in document.headings.enumerated() {
            add(tokenizer.terms(heading.text), weight: Self.headingWeight, heading: index + 1)
        }
        add(tokenizer.terms(document.group ?? ""), weight: Self.summaryWeight)
        add(tokenizer.terms(document.excerpt), weight: Self.summaryWeight)
        add(tokenizer.terms(document.body), weight: Self.bodyWeight, cap: Self.maxBodyHits)
        let sorted = slots.sorted { $0.key < $1.key }
        terms = sorted.map(\.key)
        hits = sorted.map { TermHit(score: scores[$0.value], heading: headings[$0.value], inTitle: inTitle[$0.value]) }
        // The index never shows the body text; keeping it for every page would only hold memory.
        self.document.body = ""
        titleLength = title.count
    }
}
