import Foundation

/// The words of the synthetic corpus: real help-center words for the frequent head, then made-up
/// pronounceable words for the long tail, drawn with Zipf's law as natural text is.
struct Vocabulary: Sendable {
    /// Content words, most frequent first.
    let words: [String]
    /// Cumulative Zipf weights over `words`.
    private let cumulative: [Double]

    static let headWords = """
        your you can workspace page account settings team click select open use set new file add \
        create change see each other more all any one make need time first then when only also link \
        access project member members admin user users email share sharing export import data plan \
        billing invoice payment card update edit delete remove save view list search filter sort \
        name title folder document documents editor text table image images upload download sync \
        device phone desktop app browser web mobile offline online sign password login security \
        key token api webhook integration integrations slack github calendar notification \
        notifications reminder message comment comments mention reply thread channel permission \
        permissions role roles guest owner invite invitation domain sso saml directory group groups \
        template templates block blocks heading list task tasks checkbox board column row rows field \
        fields property properties status date due assign assigned history version versions restore \
        trash archive backup limit limits storage usage report reports analytics dashboard chart \
        language region timezone theme dark mode shortcut shortcuts keyboard menu sidebar toolbar \
        button panel tab window screen preview print pdf markdown html csv json code snippet embed \
        copy paste move duplicate rename lock unlock pin favorite recent starred public private \
        request support contact help error issue problem fix troubleshoot retry reload refresh cache \
        network connection server status outage maintenance release feature beta enable disable \
        turn switch option options default custom advanced general profile avatar photo \
        subscription trial upgrade downgrade cancel refund tax receipt receipts seat seats annual \
        monthly price pricing discount coupon enterprise business free personal organization \
        company department customer customers client clients partner vendor contract policy \
        compliance audit log logs event events trigger action automation rule rules condition \
        schedule recurring daily weekly reminder deadline priority label labels tag tags color icon
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// Function words that real sentences are full of (the index drops most of them).
    static let functionWords = [
        "the", "a", "to", "of", "and", "in", "is", "for", "on", "with", "it", "that", "this", "be", "as",
        "are", "or", "from", "by", "at", "an", "if", "not", "was", "so", "but", "they", "we", "have",
    ]

    static let onsets = ["b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cr", "dr",
                         "fl", "gr", "pl", "pr", "sh", "st", "tr", "ch", "th", "qu", "sk", "sl"]
    static let nuclei = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"]
    static let codas = ["", "", "n", "r", "s", "t", "l", "m", "nd", "st", "x", "ck"]

    init(size: Int, exponent: Double = 1.05, random: inout SeededGenerator) {
        var words = Self.headWords
        var seen = Set(words).union(Self.functionWords)
        while words.count < size {
            let syllables = random.int(2...3)
            var word = ""
            for _ in 0..<syllables {
                word += random.pick(Self.onsets) + random.pick(Self.nuclei) + random.pick(Self.codas)
            }
            if seen.insert(word).inserted { words.append(word) }
        }
        self.words = words
        var total = 0.0
        cumulative = (1...words.count).map { rank in
            total += 1 / pow(Double(rank), exponent)
            return total
        }
    }

    /// A word drawn by frequency; `skip` ranks are left out, so titles avoid the most generic words.
    func word(_ random: inout SeededGenerator, skip: Int = 0) -> String {
        let low = skip > 0 ? cumulative[skip - 1] : 0
        let target = low + random.unit() * (cumulative[cumulative.count - 1] - low)
        var lower = skip, upper = cumulative.count - 1
        while lower < upper {
            let middle = (lower + upper) / 2
            if cumulative[middle] < target { lower = middle + 1 } else { upper = middle }
        }
        return words[lower]
    }
}
