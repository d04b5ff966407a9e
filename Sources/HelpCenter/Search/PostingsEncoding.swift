/// The compact text form of a term's postings in the search index, decoded by `public/assets/search.js`.
///
/// Each posting is two unsigned numbers: the document number's distance from the previous posting's,
/// then `score + 64 × (heading + 32 × titleLength)`, where `heading` is 1 + the index of the first
/// heading holding the term (0 for none, or beyond ``maxHeading``: results link those to the page)
/// and `titleLength` is the number of terms in the document's title when the title holds the term (0
/// otherwise). Numbers are written five bits a character, lowest first: a character from ``last`` ends
/// a number, one from ``more`` means more bits follow. Every character is safe in a JSON string
/// without escaping.
enum PostingsEncoding {
    static let last = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef".utf8)
    static let more = Array("ghijklmnopqrstuvwxyz0123456789-_".utf8)
    static let maxHeading = 31, maxTitleLength = 31

    /// One document's entry in a term's postings, in eight bytes: a large site's index holds millions
    /// while it is built.
    struct Posting: Sendable, Hashable {
        private var number: UInt32
        /// `score + 64 × (heading + 32 × titleLength)`, as the index writes it (at most 65,535).
        private var value: UInt16

        init(document: Int, score: Int, heading: Int, titleLength: Int) {
            number = UInt32(document)
            value = UInt16(
                min(score, 63) + 64 * ((heading <= PostingsEncoding.maxHeading ? heading : 0)
                    + 32 * min(titleLength, PostingsEncoding.maxTitleLength)))
        }

        var document: Int { Int(number) }
        var score: Int { Int(value & 63) }
        var packed: Int { Int(value) }
    }

    /// Postings sorted by document number, encoded.
    static func encode(_ postings: [Posting]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(postings.count * 3)
        var previous = 0
        for posting in postings {
            append(posting.document - previous, to: &bytes)
            append(posting.packed, to: &bytes)
            previous = posting.document
        }
        return bytes
    }

    static func append(_ number: Int, to bytes: inout [UInt8]) {
        precondition(number >= 0)
        var rest = number
        while rest >= 32 {
            bytes.append(more[rest & 31])
            rest >>= 5
        }
        bytes.append(last[rest])
    }

    /// The numbers in `text`, for tests and tools.
    static func decodeNumbers(_ text: String) -> [Int] {
        var numbers: [Int] = []
        var value = 0, shift = 0
        for byte in text.utf8 {
            if let digit = last.firstIndex(of: byte) {
                numbers.append(value | digit << shift)
                value = 0
                shift = 0
            } else if let digit = more.firstIndex(of: byte) {
                value |= digit << shift
                shift += 5
            }
        }
        return numbers
    }
}
