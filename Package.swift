// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "piiscan",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Records", targets: ["Records"]),
        .library(name: "Detectors", targets: ["Detectors"]),
        .library(name: "Masking", targets: ["Masking"]),
        .executable(name: "piiscan", targets: ["piiscan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .systemLibrary(
            name: "CCodecs",
            providers: [.apt(["libsnappy-dev", "zlib1g-dev", "libzstd-dev", "liblz4-dev"])]
        ),
        .target(name: "Records", dependencies: ["CCodecs"]),
        .target(name: "Detectors", dependencies: ["Records", "CPCRE2", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "Masking",
            dependencies: [
                "Detectors", "Records",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "piiscan",
            dependencies: [
                "Masking", "Detectors", "Records",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "RecordsTests", dependencies: ["Records"], exclude: ["Fixtures"]),
        .testTarget(name: "DetectorsTests", dependencies: ["Detectors", "Records"]),
        .testTarget(name: "MaskingTests", dependencies: ["Masking", "Detectors", "Records"]),
        .testTarget(name: "PiiscanTests", dependencies: ["Masking", "Detectors", "Records"]),
    ]
)
