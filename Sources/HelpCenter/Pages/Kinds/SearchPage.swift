/// The search page, which offers the popular articles when nothing matches.
enum SearchPage {
    static func plan(_ planner: PagePlanner) -> PagePlan {
        PagePlan(
            kind: .search, path: SitePaths.search, template: "search", title: "Search",
            description: "Search the \(planner.siteTitle) help center.",
            context: planner.popularSummaries(links: planner.links(SitePaths.search)), jsonLD: [], lastModified: nil,
            warnings: [], markdown: [], linkBase: nil, completion: .none)
    }
}
