import CStar
import Foundation
import Testing

/// The hand-written date parsing and formatting against Foundation's ISO-8601 style.
@Suite struct ISODateTests {
    @Test func parsesAndFormatsLikeFoundation() throws {
        var generator = SystemRandomNumberGenerator()
        var texts = [
            "1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z", "2024-02-29T12:00:00Z", "1999-12-31T23:59:59Z",
            "2026-03-14T09:26:53+02:00", "2026-03-14T09:26:53-07:30", "0001-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
            "9999-12-31T23:59:59Z", "2026-11-21T10:00:00.123Z", "2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-01-01 00:00:00Z", "not a date",
        ]
        for _ in 0..<2000 {
            let date = Date(timeIntervalSince1970: TimeInterval(Int64.random(in: -2_000_000_000...5_000_000_000, using: &generator)))
            texts.append(date.formatted(Date.ISO8601FormatStyle()))
        }
        for text in texts {
            let foundation = (try? Date(text, strategy: Date.ISO8601FormatStyle()))
                ?? (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
            #expect(ISODate.parse(text) == foundation, "\(text)")
            if let foundation {
                #expect(ISODate.format(foundation) == foundation.formatted(Date.ISO8601FormatStyle()), "\(text)")
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = TimeZone(identifier: "UTC")!
                let parts = calendar.dateComponents([.year, .month, .day], from: foundation)
                let day = ISODate.utcDay(of: foundation)
                #expect([day.year, day.month, day.day] == [parts.year, parts.month, parts.day], "\(text)")
            }
        }
    }
}
