// swift-tools-version: 6.0
import PackageDescription

// The start-up floor for `clinicctl --version`: the smallest program that
// loads Foundation, built the same way as clinicctl (release). The bench
// builds it into .build/bench/hello.
let package = Package(
    name: "hello",
    targets: [.executableTarget(name: "hello")]
)
