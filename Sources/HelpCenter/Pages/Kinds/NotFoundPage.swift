/// The 404 page, served from any depth: its links are rooted at the base path.
enum NotFoundPage {
    static func plan(_ planner: PagePlanner) -> PagePlan {
        let links = PageLinks(path: SitePaths.notFound, basePath: planner.options.basePath, absolute: true)
        return PagePlan(
            kind: .notFound, path: SitePaths.notFound, template: "404", title: "Page not found", description: nil,
            context: planner.popularSummaries(links: links, count: 5), jsonLD: [], lastModified: nil, warnings: [],
            markdown: [], linkBase: nil, completion: .none)
    }
}
