import Foundation
import HelpCenter

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to standard error: progress lines and colour only on a terminal (and never with
/// `NO_COLOR`), GitHub Actions annotations when running there.
enum Terminal {
    static let isInteractive = isatty(STDERR_FILENO) == 1
    private static let environment = ProcessInfo.processInfo.environment
    static let usesColor = isInteractive && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    static let isGitHubActions = environment["GITHUB_ACTIONS"] == "true"

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func warning(_ message: String, title: String? = nil) {
        printError(label("warning", color: "33", annotation: "warning", title: title) + escapeMessage(message))
    }

    static func error(_ message: String, title: String? = nil) {
        printError(label("error", color: "31", annotation: "error", title: title) + escapeMessage(message))
    }

    /// `warning: ` (in colour on a terminal), or an annotation command in GitHub Actions.
    private static func label(_ name: String, color: String, annotation: String, title: String?) -> String {
        if isGitHubActions {
            return "::\(annotation)" + (title.map { " title=\(escapeProperty($0))" } ?? "") + "::"
        }
        return usesColor ? "\u{1B}[1;\(color)m\(name):\u{1B}[0m " : "\(name): "
    }

    /// A build's warnings (errors when `strict`), then, unless it failed, its summary (after `prefix`).
    static func printReport(_ report: BuildReport, prefix: String = "", strict: Bool = false, failed: Bool = false) {
        for warning in report.warnings {
            let title = "helpcenter: " + warning.kind.rawValue
            if strict && warning.kind.isContentProblem {
                error(warning.message, title: title)
            } else {
                self.warning(warning.message, title: title)
            }
        }
        if !failed { printError(prefix + report.summary) }
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

    /// A message on one line: GitHub Actions reads `%0A` as a line break inside an annotation.
    private static func escapeMessage(_ text: String) -> String {
        guard isGitHubActions else { return text }
        return text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeMessage(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
