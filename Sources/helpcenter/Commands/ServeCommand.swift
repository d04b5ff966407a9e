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
            were scrolled to. A failed rebuild is shown in the browser; the last good site stays up.
            """
    )

    @OptionGroup var input: SiteInputOptions

    @Option(help: "The address to listen on; anything but loopback exposes the preview to your network.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8000

    @Option(name: .shortAndLong, help: "The folder to build into (default: a temporary folder, removed on exit).")
    var output: String?

    @Option(help: "With --team, fetch the team again every this many seconds and rebuild when it changed.")
    var watchApi: Int?

    @Flag(help: "Replace the output folder even if helpcenter did not create it.")
    var force = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port).") }
        if let watchApi {
            guard input.apiTeam != nil else { throw ValidationError("--watch-api needs --team (or CSTAR_TEAM).") }
            guard watchApi > 0 else { throw ValidationError("--watch-api must be a positive number of seconds.") }
        }
    }

    func run() async throws {
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
        if !["127.0.0.1", "::1", "localhost"].contains(host) {
            Terminal.warning("listening on \(host): other machines can reach this preview.")
        }

        let server = PreviewServer(root: folder, basePath: options.basePath, hub: hub)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.run(host: host, port: port, handleSignals: true) { url in
                    FileHandle.standardOutput.write(Data("Serving \(url.absoluteString)\n".utf8))
                }
            }
            group.addTask {
                await session.watch(from: snapshot) { outcome in
                    switch outcome {
                    case .built(let report, let number):
                        Terminal.printReport(report, prefix: "Rebuilt (\(number)): ")
                    case .failed(let message):
                        Terminal.error("the rebuild failed, still serving the last good site: \(message)")
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }
}
