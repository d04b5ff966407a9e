import CStar
import Foundation

/// Dates as pages show them, the same on every machine: `14 March 2026` and ISO-8601 for `datetime`.
enum DisplayDate {
    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    static func text(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(parts.day ?? 1) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970)"
    }

    /// `datetime` and display text, as Mustache context keys with `prefix` (`updated` gives
    /// `updatedISO` and `updatedDisplay`).
    static func context(_ date: Date?, prefix: String) -> [String: Any] {
        guard let date else { return [:] }
        return ["\(prefix)ISO": ISODate.format(date), "\(prefix)Display": text(date)]
    }
}
