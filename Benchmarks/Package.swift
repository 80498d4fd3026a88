// swift-tools-version: 6.1
// Benchmarks live in their own package so `swift build`/`swift test` of the root package stay light.
// Run: cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
    name: "piiscan-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "piiscan", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "ScanBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Detectors", package: "piiscan"),
                .product(name: "Records", package: "piiscan"),
                .product(name: "Masking", package: "piiscan"),
            ],
            path: "Benchmarks/ScanBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
