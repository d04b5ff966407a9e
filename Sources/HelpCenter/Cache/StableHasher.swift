import CStar
import Foundation

/// A 64-bit hash that is the same in every process and on every run (unlike `Hasher`, which is seeded
/// per process), for fingerprints kept in the build cache. Each value is fed with a type tag and its
/// length, so different structures never feed the same bytes.
struct StableHasher {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    init(_ seed: UInt64) {
        combine(seed)
    }

    private mutating func byte(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    mutating func combine(_ value: UInt64) {
        var value = value
        for _ in 0..<8 {
            byte(UInt8(truncatingIfNeeded: value))
            value >>= 8
        }
    }

    mutating func combine(_ value: Int) {
        byte(1)
        combine(UInt64(bitPattern: Int64(value)))
    }

    mutating func combine(_ value: Bool) {
        byte(value ? 3 : 2)
    }

    mutating func combine(_ value: Double) {
        byte(4)
        combine(value.bitPattern)
    }

    mutating func combine(_ text: String) {
        byte(5)
        var text = text
        text.withUTF8 { bytes in
            combine(UInt64(bytes.count))
            words(UnsafeRawBufferPointer(bytes))
        }
    }

    mutating func combine(_ data: Data) {
        byte(6)
        combine(UInt64(data.count))
        data.withUnsafeBytes { words($0) }
    }

    /// Long runs of bytes, eight at a time (an xxHash64 round per word): the build hashes every
    /// document's source on each build, and a byte at a time was most of that cost.
    private mutating func words(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let mixed = (state &+ word &* 0xC2B2_AE3D_27D4_EB4F)
            state = ((mixed << 31) | (mixed >> 33)) &* 0x9E37_79B1_85EB_CA87
            offset += 8
        }
        while offset < bytes.count {
            byte(bytes[offset])
            offset += 1
        }
    }

    mutating func combine(_ value: String?) {
        if let value { combine(value) } else { byte(0) }
    }

    mutating func combine(_ date: Date?) {
        if let date { combine(date.timeIntervalSinceReferenceDate) } else { byte(0) }
    }

    /// A JSON value, objects in key order.
    mutating func combine(json value: JSONValue) {
        switch value {
        case .null: byte(10)
        case .bool(let flag): combine(flag)
        case .int(let number): combine(Int(number))
        case .double(let number): combine(number)
        case .string(let text): combine(text)
        case .array(let values):
            byte(11)
            combine(UInt64(values.count))
            for element in values { combine(json: element) }
        case .object(let object):
            byte(12)
            combine(UInt64(object.count))
            for key in object.keys.sorted() {
                combine(key)
                combine(json: object[key]!)
            }
        }
    }

    /// The hash, with the bits mixed so that nearby inputs give distant values.
    func finalize() -> UInt64 {
        var value = state
        value ^= value >> 33
        value = value &* 0xff51_afd7_ed55_8ccd
        value ^= value >> 33
        value = value &* 0xc4ce_b9fe_1a85_ec53
        value ^= value >> 33
        return value
    }

    static func hash(_ text: String) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(text)
        return hasher.finalize()
    }

    /// The hash of the file at `path`, read a mebibyte at a time (a snapshot can be hundreds of
    /// megabytes, and a build whose inputs are unchanged reads it only for this); `nil` when it cannot
    /// be read. The same bytes give the same hash however the reads split them.
    static func hash(fileAt path: String, readSize: Int = 1 << 20) -> UInt64? {
        var hasher = StableHasher()
        hasher.byte(6)
        // Up to seven bytes of the last read that did not fill a word, carried to the next read.
        var carry: [UInt8] = []
        var total: UInt64 = 0
        let read = FileChunks.read(path, size: readSize) { chunk in
            total += UInt64(chunk.count)
            chunk.withUnsafeBytes { bytes in
                var start = 0
                if !carry.isEmpty {
                    start = min(8 - carry.count, bytes.count)
                    carry.append(contentsOf: bytes[..<start])
                    guard carry.count == 8 else { return }
                    carry.withUnsafeBytes { hasher.words($0) }
                    carry.removeAll(keepingCapacity: true)
                }
                let whole = start + (bytes.count - start) / 8 * 8
                hasher.words(UnsafeRawBufferPointer(rebasing: bytes[start..<whole]))
                carry.append(contentsOf: bytes[whole...])
            }
        }
        guard read else { return nil }
        carry.withUnsafeBytes { hasher.words($0) }
        hasher.combine(total)
        return hasher.finalize()
    }

    static func hash(_ data: Data) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(data)
        return hasher.finalize()
    }
}
