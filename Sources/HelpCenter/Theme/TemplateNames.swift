/// Telling a misspelled template file from a template of the theme.
enum TemplateNames {
    /// The name in `known` closest to `name` by edit distance, when it is close enough to be a typing
    /// slip (at most a third of the name's length, and at least 1, edits away).
    static func closest(to name: String, in known: some Sequence<String>) -> String? {
        let limit = max(1, name.count / 3)
        return known.map { ($0, distance(name, $0)) }.filter { $0.1 <= limit }
            .min { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }?.0
    }

    /// How many insertions, deletions, substitutions and swaps of two neighbours turn `a` into `b`,
    /// in characters (the optimal string alignment distance).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            previous2 = previous
            previous = current
        }
        return previous[b.count]
    }
}
