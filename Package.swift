// swift-tools-version:6.0
import PackageDescription

/// Targets whose sources live in `Sources/<name>`; the resources target below excludes them.
let sourceTargets = ["CStar", "CStarSnapshot", "CStarEmulator", "CCmarkGFM", "HelpCenter", "helpcenter", "SyntheticCorpus", "helpcenter-corpus", "helpcenter-fuzz", "helpcenter-markdown-bench", "HelpCenterPreview"]

let package = Package(
    name: "helpcenter",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "CStar", targets: ["CStar"]),
        .library(name: "CStarSnapshot", targets: ["CStarSnapshot"]),
        .library(name: "CStarEmulator", targets: ["CStarEmulator"]),
        .library(name: "HelpCenter", targets: ["HelpCenter"]),
        .library(name: "HelpCenterPreview", targets: ["HelpCenterPreview"]),
        .executable(name: "helpcenter", targets: ["helpcenter"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // The cStar SDK: Foundation only, no third-party dependency.
        .target(name: "CStar"),
        // The snapshot file: model, reading and writing, and fetching one through the SDK.
        .target(name: "CStarSnapshot", dependencies: ["CStar"]),
        // A local emulator of the cStar public API, serving a snapshot over HTTP.
        .target(
            name: "CStarEmulator",
            dependencies: [
                "CStar", "CStarSnapshot",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The files that ship with helpcenter, kept at the top of the repository: the default theme
        // (`Templates/`, `public/`) and the demo help center (`Demo/`).
        .target(
            name: "HelpCenterResources",
            dependencies: ["CStarSnapshot"],
            path: ".",
            exclude: sourceTargets.map { "Sources/\($0)" } + ["Tests", "Scripts", "Benchmarks", "README.md", "Makefile"],
            sources: ["Sources/HelpCenterResources"],
            resources: [.copy("Templates"), .copy("public"), .copy("Demo")]
        ),
        // cmark-gfm, the system library from Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // The static site generator.
        .target(
            name: "HelpCenter",
            dependencies: [
                "CStar", "CStarSnapshot", "CCmarkGFM", "HelpCenterResources",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The preview server: a site folder over HTTP on loopback, with live reload.
        .target(
            name: "HelpCenterPreview",
            dependencies: [
                "HelpCenter", "CStarSnapshot",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "helpcenter",
            dependencies: [
                "CStar", "CStarSnapshot", "CStarEmulator", "HelpCenter", "HelpCenterPreview", "HelpCenterResources",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A deterministic synthetic help center of any size, for benchmarks and tests at scale.
        .target(name: "SyntheticCorpus", dependencies: ["CStar", "CStarSnapshot"]),
        .executableTarget(
            name: "helpcenter-corpus",
            dependencies: ["SyntheticCorpus", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Seeded random inputs for the snapshot reader, the JSON parser and the Markdown renderer.
        .executableTarget(
            name: "helpcenter-fuzz",
            dependencies: [
                "CStar", "CStarSnapshot", "HelpCenter", "HelpCenterResources", "SyntheticCorpus",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Times the Markdown renderer on a snapshot's articles, for `Benchmarks/markdown.py`.
        .executableTarget(name: "helpcenter-markdown-bench", dependencies: ["HelpCenter"]),
        // Template rendering, each way swift-mustache can be fed against TemplateSet: `Benchmarks/templates.sh`.
        .executableTarget(
            name: "template-bench",
            dependencies: ["HelpCenter", "HelpCenterResources", .product(name: "Mustache", package: "swift-mustache")],
            path: "Benchmarks/TemplateBench"
        ),
        // Helpers shared by the test targets: running child processes without blocking the test runner.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "HelpCenterTests",
            dependencies: [
                "HelpCenter", "CStar", "CStarSnapshot", "HelpCenterResources", "SyntheticCorpus", "TestSupport",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The GFM and Mustache specs' examples, vendored so a clone of the repository alone passes its tests.
            resources: [.copy("GFMSpec"), .copy("MustacheSpec")]
        ),
        .testTarget(
            name: "CStarTests",
            dependencies: ["CStar", "CStarSnapshot", "CStarEmulator", "HelpCenterResources"]
        ),
        .testTarget(
            name: "HelpCenterPreviewTests",
            dependencies: ["HelpCenterPreview", "HelpCenter", "CStarSnapshot", "HelpCenterResources", "TestSupport"]
        ),
        // The README's "Embed in your generator" example, compiled and run.
        .testTarget(
            name: "ExampleTests",
            dependencies: ["CStar", "CStarEmulator", "HelpCenter", "HelpCenterResources"]
        ),
        // End-to-end tests that run the built `helpcenter` executable.
        .testTarget(
            name: "HelpCenterCLITests",
            dependencies: ["CStar", "CStarSnapshot", "HelpCenterResources", "SyntheticCorpus", "TestSupport", "helpcenter"]
        ),
    ]
)
