import Foundation

/// Walks a paginated list with `limit` and `offset`, one request per page, until a short page, an empty
/// page, or the reported total.
public struct PaginatedSequence<Element: APIObject>: AsyncSequence {
    public typealias Page = (items: [Element], total: Int?)
    let pageSize: Int
    let fetchPage: @Sendable (_ limit: Int, _ offset: Int) async throws -> Page

    public func makeAsyncIterator() -> Iterator {
        Iterator(pageSize: pageSize, fetchPage: fetchPage)
    }

    public struct Iterator: AsyncIteratorProtocol {
        let pageSize: Int
        let fetchPage: @Sendable (Int, Int) async throws -> Page
        var buffer: [Element] = []
        var index = 0
        var offset = 0
        var finished = false
        var previousFirstID: String?

        public mutating func next() async throws -> Element? {
            while index == buffer.count {
                guard !finished else { return nil }
                let page = try await fetchPage(pageSize, offset)
                // A server that ignores `offset` would send the same page forever.
                if let first = page.items.first?.json.string(JSONField("id")), first == previousFirstID {
                    finished = true
                    return nil
                }
                previousFirstID = page.items.first?.json.string(JSONField("id"))
                buffer = page.items
                index = 0
                offset += page.items.count
                if page.items.count < pageSize || (page.total.map { offset >= $0 } ?? false) { finished = true }
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}
