// swift-tools-version: 6.0
// libFuzzer targets, one per reader, in their own package so `swift build`/`swift test` of the
// root package never need the fuzzer runtime. Build and run through `scripts/fuzz TARGET [SECONDS]`
// (see CONTRIBUTING.md, "Fuzzing").
import PackageDescription

let package = Package(
    name: "piiscan-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "piiscan", path: ".."),
    ],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "Records", package: "piiscan")]),
        .executableTarget(name: "FuzzParquet", dependencies: ["FuzzSupport", .product(name: "Records", package: "piiscan")]),
        .executableTarget(name: "FuzzGzip", dependencies: ["FuzzSupport", .product(name: "Records", package: "piiscan")]),
        .executableTarget(name: "FuzzZip", dependencies: ["FuzzSupport", .product(name: "Records", package: "piiscan")]),
        .executableTarget(name: "FuzzTar", dependencies: ["FuzzSupport", .product(name: "Records", package: "piiscan")]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzSupport", .product(name: "Records", package: "piiscan")]),
        .executableTarget(name: "FuzzJSON", dependencies: ["FuzzSupport", .product(name: "Records", package: "piiscan")]),
    ]
)
