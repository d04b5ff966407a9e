import Foundation
import HelpCenter

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to standard error, with progress lines only when it is a terminal.
enum Terminal {
    static let isInteractive = isatty(STDERR_FILENO) == 1

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A build's warnings, then its summary line (after `prefix`).
    static func printReport(_ report: BuildReport, prefix: String = "") {
        for warning in report.warnings { printError("warning: \(warning.message)") }
        printError(prefix + report.summary)
    }

    /// Rewrites the current terminal line; does nothing when standard error is not a terminal.
    static func progress(_ text: String) {
        guard isInteractive else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
    }

    static func endProgress() {
        guard isInteractive else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
