import Foundation

/// Text read from a file or standard input, which must be UTF-8.
enum UTF8Text {
    /// `data` as a string, or a failure naming `source` and the first byte that is not UTF-8.
    static func decode(_ data: Data, from source: String) throws -> String {
        if let text = String(validating: data, as: UTF8.self) { return text }
        let offset = firstInvalidOffset(in: data) ?? 0
        let byte = String(format: "0x%02X", data[data.startIndex + offset])
        throw CommandFailure("\(source): not UTF-8 text (invalid byte \(byte) at offset \(offset))")
    }

    private static func firstInvalidOffset(in data: Data) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }
}
