import Foundation

/// Walks a paginated list with `limit` and `offset`, one request per page: until the reported total is
/// reached, or, when the server reports none, until an empty page. A page shorter than asked for does not
/// end the walk, as a server may cap `limit` below the page size.
///
/// A page that repeats the previous one item for item (a server that ignores `offset`) throws
/// ``CStarError/Kind/pagination`` rather than fetching the same page forever.
public struct PaginatedSequence<Element: APIObject>: AsyncSequence {
    /// One page: its items, the total the server reported (if any), and the request, for errors.
    public typealias Page = (items: [Element], total: Int?, request: String)
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
        var previousPage: [JSONObject] = []

        public mutating func next() async throws -> Element? {
            while index == buffer.count {
                guard !finished else { return nil }
                let page = try await fetchPage(pageSize, offset)
                let objects = page.items.map(\.json)
                if !objects.isEmpty, objects == previousPage {
                    throw CStarError(
                        kind: .pagination, request: page.request,
                        message: "the page at offset \(offset) repeats the previous page item for item (the server seems "
                            + "to ignore `offset`); stopped after \(offset) items rather than fetch it again forever")
                }
                previousPage = objects
                buffer = page.items
                index = 0
                offset += page.items.count
                if page.items.isEmpty || (page.total.map { offset >= $0 } ?? false) { finished = true }
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}
