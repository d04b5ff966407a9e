import CStar
import Foundation

/// Dates as pages show them, the same on every machine: `14 March 2026` and ISO-8601 for `datetime`.
enum DisplayDate {
    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    static func text(_ date: Date) -> String {
        let day = ISODate.utcDay(of: date)
        return "\(day.day) \(months[day.month - 1]) \(day.year)"
    }

    /// `datetime` and display text, as Mustache context keys with `prefix` (`updated` gives
    /// `updatedISO` and `updatedDisplay`).
    static func context(_ date: Date?, prefix: String) -> TemplateObject {
        guard let date else { return [:] }
        return ["\(prefix)ISO": .string(ISODate.format(date)), "\(prefix)Display": .string(text(date))]
    }
}
