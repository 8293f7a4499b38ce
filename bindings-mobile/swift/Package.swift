// swift-tools-version:5.9
// The Swift package of chibo for iOS (and macOS, to run the tests). Its sources are generated, not
// kept: run ./build-xcframework.sh on a Mac first (docs/mobile.md). It writes
// Sources/Chibo/Chibo.swift (uniffi's Swift for the `Chibo` module) and ChiboFFI.xcframework (the
// static library for iOS devices, the iOS simulator and macOS, with the C header of module
// ChiboFFI). Not compiled on the project's Linux machines: no Swift toolchain there.
import PackageDescription

let package = Package(
    name: "Chibo",
    platforms: [.iOS(.v15), .macOS(.v12)],
    products: [
        .library(name: "Chibo", targets: ["Chibo"]),
    ],
    targets: [
        .binaryTarget(name: "ChiboFFI", path: "ChiboFFI.xcframework"),
        .target(name: "Chibo", dependencies: ["ChiboFFI"], path: "Sources/Chibo"),
        .testTarget(name: "ChiboTests", dependencies: ["Chibo"], path: "Tests/ChiboTests"),
    ]
)
