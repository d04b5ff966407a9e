import ArgumentParser
import Foundation
import HelpCenterResources
import SyntheticCorpus

/// `helpcenter-fuzz`: feeds seeded random inputs to the snapshot reader, the JSON parser and the
/// Markdown renderer for a set time, checking the properties of ``FuzzTargets``.
@main
struct FuzzCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helpcenter-fuzz",
        abstract: "Fuzz the snapshot reader, the JSON parser and the Markdown renderer with seeded random inputs.",
        discussion: """
            Input number N of a run uses seed SEED+N, and is printed before it runs with --verbose; when \
            a property fails, the seed and the input are printed, and --seed SEED+N --count 1 repeats \
            exactly that input. Exit status 1 when any property failed.
            """)

    enum Target: String, ExpressibleByArgument, CaseIterable {
        case snapshot, json, markdown, all
    }

    @Option(help: "What to fuzz: snapshot, json, markdown or all.")
    var target = Target.all

    @Option(help: "Seconds to run for.")
    var seconds = 60.0

    @Option(help: "The seed of the first input.")
    var seed: UInt64 = 1

    @Option(help: "Stop after this many inputs.")
    var count: Int?

    @Option(help: "Write each failing input to this folder.")
    var failures: String?

    @Flag(help: "Print each input's seed before running it.")
    var verbose = false

    func run() async throws {
        let demo = Array(try Data(contentsOf: DemoHelpCenter.url()))
        let targets = target == .all ? [Target.snapshot, .json, .markdown] : [target]
        let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        var runs = 0
        var failed = 0
        while ContinuousClock.now < deadline, count.map({ runs < $0 }) ?? true {
            let inputSeed = seed &+ UInt64(runs)
            let target = targets[runs % targets.count]
            if verbose { print("input \(runs), seed \(inputSeed), \(target)") }
            var mutator = InputMutator(random: SeededGenerator(seed: inputSeed))
            let input: [UInt8]
            let problem: String?
            switch target {
            case .markdown:
                var generator = MarkdownGenerator(random: mutator)
                let text = generator.document()
                input = Array(text.utf8)
                problem = FuzzTargets.markdown(text)
            case .json:
                input = mutator.mutate(Array(demo.prefix(mutator.int(1..<4096))))
                problem = FuzzTargets.json(input)
            default:
                input = mutator.mutate(demo)
                problem = FuzzTargets.snapshot(input)
            }
            if let problem {
                failed += 1
                print("FAIL \(target), seed \(inputSeed): \(problem)")
                print("  input (\(input.count) bytes): \(String(decoding: input.prefix(300), as: UTF8.self).debugDescription)")
                if let failures {
                    let file = URL(fileURLWithPath: failures).appendingPathComponent("\(target)-\(inputSeed).bin")
                    try FileManager.default.createDirectory(atPath: failures, withIntermediateDirectories: true)
                    try Data(input).write(to: file)
                }
            }
            runs += 1
        }
        print("\(runs) inputs (\(targets.map(\.rawValue).joined(separator: ", "))), seeds \(seed) to \(seed &+ UInt64(max(0, runs - 1))), \(failed) failed")
        if failed > 0 { throw ExitCode.failure }
    }
}
