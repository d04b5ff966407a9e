import CStar
import Foundation

/// `CSTAR_TEAM` and `CSTAR_BASE_URL`: the team and the API origin when the command line gives none.
enum CStarEnvironment {
    static var team: String? { value("CSTAR_TEAM") }
    static var baseURL: String { value("CSTAR_BASE_URL") ?? ClientConfiguration.defaultBaseURL.absoluteString }

    private static func value(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}
