import CStar
import Foundation
import HelpCenter

/// Builds a team's help center under `/help/` of a bigger site, as one step of another generator.
func buildHelpCenter(team: String, api: URL, into output: URL) async throws -> BuildReport {
    let library = LibraryClient(teamSlug: team, baseURL: api)
    let community = CommunityClient(teamSlug: team, baseURL: api)

    var options = SiteOptions(output: output, siteURL: URL(string: "https://www.example.com"), basePath: "/help/")
    options.cacheFolder = output.deletingLastPathComponent().appendingPathComponent(".helpcenter-cache")
    options.strict = true  // broken links and other content problems throw StrictBuildFailure

    let report = try await SiteBuilder(options: options).build(library: library, community: community, teamName: "Acme")
    print(report.summary)

    // The generator's parts work alone too.
    let preview = MarkdownRenderer().render("**Hello** from [the docs](https://example.com)").html
    print(preview)
    return report
}
