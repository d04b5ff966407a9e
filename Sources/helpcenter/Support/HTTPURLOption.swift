import ArgumentParser
import Foundation

/// Reads an option that must be an absolute http(s) URL, with an error naming the option.
enum HTTPURLOption {
    static func parse(_ text: String, option: String) throws -> URL {
        guard let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ValidationError("\(option) must be an http(s) URL, not '\(text)'.")
        }
        return url
    }
}
