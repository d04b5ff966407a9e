import Foundation

/// Appends values to a compact binary buffer: variable-length integers and length-prefixed strings.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func integer(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func fixed(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func flag(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            unsigned(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optionalString(_ text: String?) {
        flag(text != nil)
        if let text { string(text) }
    }

    mutating func data(_ data: Data) {
        unsigned(UInt64(data.count))
        bytes.append(contentsOf: data)
    }

    /// Bytes another writer wrote, as they are.
    mutating func raw(_ other: ArraySlice<UInt8>) {
        bytes.append(contentsOf: other)
    }

    mutating func append(_ other: CacheWriter) {
        bytes.append(contentsOf: other.bytes)
    }
}

/// Reads what a ``CacheWriter`` wrote; any inconsistency throws ``Malformed`` instead of trapping.
struct CacheReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The bytes of the file at `path`, read straight into an array (the cache of a large site is tens
    /// of megabytes, read on every build); `nil` when it cannot be read.
    static func bytes(ofFileAt path: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        if let size = FileStamp(path: path)?.size { bytes.reserveCapacity(Int(size)) }
        return FileChunks.read(path, size: 8 << 20) { bytes.append(contentsOf: $0) } ? bytes : nil
    }

    var isAtEnd: Bool { offset == bytes.count }

    /// The bytes read since `start` (an earlier ``offset``).
    func bytes(from start: Int) -> ArraySlice<UInt8> {
        bytes[start..<offset]
    }

    mutating func unsigned() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func integer() throws -> Int {
        let raw = try unsigned()
        let value = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
        guard let result = Int(exactly: value) else { throw Malformed() }
        return result
    }

    /// A non-negative number that fits 32 bits.
    mutating func small() throws -> Int {
        let value = try unsigned()
        guard value <= UInt64(Int32.max) else { throw Malformed() }
        return Int(value)
    }

    /// A count of items that each take at least one byte, bounded by what is left.
    mutating func count() throws -> Int {
        let value = try unsigned()
        guard value <= UInt64(bytes.count - offset) else { throw Malformed() }
        return Int(value)
    }

    mutating func fixed() throws -> UInt64 {
        guard bytes.count - offset >= 8 else { throw Malformed() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
        offset += 8
        return value
    }

    mutating func flag() throws -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else { throw Malformed() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func raw(_ length: Int) throws -> ArraySlice<UInt8> {
        guard length >= 0, bytes.count - offset >= length else { throw Malformed() }
        defer { offset += length }
        return bytes[offset..<offset + length]
    }

    mutating func string() throws -> String {
        let slice = try raw(try count())
        guard let text = String(validating: slice, as: UTF8.self) else { throw Malformed() }
        return text
    }

    mutating func optionalString() throws -> String? {
        try flag() ? try string() : nil
    }

    mutating func data() throws -> Data {
        Data(try raw(try count()))
    }
}
