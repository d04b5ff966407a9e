import ArgumentParser
import CStarSnapshot
import Foundation
import HelpCenter
import HelpCenterPreview

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on 127.0.0.1 and rebuild it as you edit.",
        discussion: """
            Watches the templates, the public folder and the snapshot file (with --watch-api, also \
            fetches the team again on a timer), rebuilds on a change and reloads open pages where they \
            were scrolled to. A failed rebuild is shown in the browser; the last good site stays up. \
            With --site, serves a folder built before, as it is.
            """
    )

    @OptionGroup var input: SiteInputOptions

    @Option(help: "The address to listen on; anything but loopback exposes the preview to your network.")
    var host = "127.0.0.1"

    @Option(parsing: .unconditional, help: "The port to listen on (0 picks a free one).")
    var port = 8000

    @Option(name: .shortAndLong, help: "The folder to build into (default: a temporary folder, removed on exit).")
    var output: String?

    @Option(parsing: .unconditional, help: "With --team, fetch the team again every this many seconds and rebuild when it changed.")
    var watchApi: Int?

    @Flag(help: "Replace the output folder even if helpcenter did not create it.")
    var force = false

    @Option(help: "Serve this site folder, built before, as it is: no build, no watching (give the --base-path it was built with).")
    var site: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port).") }
        if let watchApi {
            guard input.apiTeam != nil else { throw ValidationError("--watch-api needs --team (or CSTAR_TEAM).") }
            guard watchApi > 0 else { throw ValidationError("--watch-api must be a whole number of seconds from 1 up, not \(watchApi).") }
        }
        if site != nil {
            let building: [(String, Bool)] = [
                ("--snapshot", input.snapshot != nil), ("--team", input.team != nil), ("--templates", input.templates != nil),
                ("--public", input.publicFolder != nil), ("--output", output != nil), ("--watch-api", watchApi != nil),
                ("--force", force),
            ]
            if let (option, _) = building.first(where: { $0.1 }) {
                throw ValidationError("--site serves a folder as it is, without building it; it does not go with \(option).")
            }
        }
    }

    func run() async throws {
        do { try await PreviewServer.checkAddress(host: host, port: port) } catch let problem as PreviewServer.AddressUnavailable {
            throw CommandFailure(problem.inUse ? "\(problem); choose another with --port, or --port 0 for a free one" : "\(problem)")
        }
        if !["127.0.0.1", "::1", "localhost"].contains(host) {
            Terminal.warning("listening on \(host): other machines can reach this preview.")
        }
        if let site {
            try await serveBuilt(URL(fileURLWithPath: site))
            return
        }
        try input.checkFolders()
        let temporary = output == nil ? FileManager.default.temporaryDirectory.appendingPathComponent("helpcenter-serve-\(UUID().uuidString)") : nil
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
        let folder = output.map(URL.init(fileURLWithPath:)) ?? temporary!.appendingPathComponent("site")

        let input = self.input
        let source: PreviewSession.Source
        if input.apiTeam != nil {
            source = .api(fetch: { try await input.fetchTeam()! }, refresh: watchApi.map { .seconds($0) })
        } else {
            let path = input.snapshot
            source = .file(path.map(URL.init(fileURLWithPath:)), load: { try SnapshotSource.load(path) })
        }
        let hub = LiveReloadHub()
        let options = input.siteOptions(output: folder, force: force)
        let session = PreviewSession(options: options, source: source, hub: hub)
        let (report, snapshot) = try await session.build()
        Terminal.printReport(report)

        let server = PreviewServer(root: folder, basePath: options.basePath, hub: hub)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await serve(server) }
            group.addTask {
                await session.watch(from: snapshot) { outcome in
                    switch outcome {
                    case .built(let report, _, let trigger):
                        Terminal.printReport(report, prefix: "Rebuilt after \(Self.describe(trigger)): ")
                    case .failed(let message):
                        Terminal.error("the rebuild failed, still serving the last good site: \(message)")
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Serves `server` until interrupted, printing its URL once it listens.
    private func serve(_ server: PreviewServer) async throws {
        try await server.run(host: host, port: port, handleSignals: true) { url in
            FileHandle.standardOutput.write(Data("Serving \(url.absoluteString)\n".utf8))
        }
    }

    /// `--site`: serves a folder built before, without building or watching anything.
    private func serveBuilt(_ folder: URL) async throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandFailure("--site \(folder.path) is not a folder; build one with helpcenter build --output DIR.")
        }
        try await serve(PreviewServer(root: folder, basePath: input.siteOptions(output: folder, force: false).basePath, hub: LiveReloadHub()))
    }

    /// What made a rebuild happen, for its line: `templates/article.mustache changed`.
    static func describe(_ trigger: PreviewSession.Trigger) -> String {
        let working = FileManager.default.currentDirectoryPath + "/"
        let names = trigger.files.map { $0.hasPrefix(working) ? String($0.dropFirst(working.count)) : $0 }
        var parts: [String] = []
        if !names.isEmpty {
            let shown = names.count > 3 ? names.prefix(2) + ["\(names.count - 2) more"] : names[...]
            parts.append((shown.count > 1 ? shown.dropLast().joined(separator: ", ") + " and " + shown.last! : shown[0]) + " changed")
        }
        if trigger.api { parts.append("the team's content changed on the API") }
        return parts.joined(separator: " and ")
    }
}
