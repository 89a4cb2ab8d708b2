// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "nps-stack",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "nps-oracle", targets: ["OracleService"]),
        .library(name: "OracleEngines", targets: ["OracleEngines"]),
        .executable(name: "oracle-benchmark", targets: ["OracleBenchmark"]),
        .executable(name: "nps-api-stand-in", targets: ["APIStandIn"]),
        .executable(name: "nps-scanner-stand-in", targets: ["ScannerStandIn"]),
    ],
    dependencies: [
        .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.9.2"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
    ],
    targets: [
        // Civil dates, RFC 3339 times and the services' JSON log-line encoder; no dependencies, no Foundation.
        .target(name: "LogTimeFormat"),
        // Pure engines: FC60, numerology, timing, range suggestion, question sign. No I/O.
        .target(name: "OracleEngines", dependencies: ["LogTimeFormat"]),
        // Messages and gRPC stubs generated from Protos/ by dev/generate.sh (committed).
        .target(
            name: "OracleAPI",
            dependencies: [
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        // grpc.health.v1 served from a board of statuses; shared by the Oracle and the scanner stand-in.
        .target(
            name: "GRPCHealth",
            dependencies: ["OracleAPI", .product(name: "GRPCCore", package: "grpc-swift-2")]
        ),
        // The one service runtime of the three executables: command line, environment reads, JSON logging, exit
        // policy, the ServiceGroup and its shutdown policy, the gRPC server and client lifecycles, the health probes.
        .target(
            name: "ServiceRuntime",
            dependencies: [
                "LogTimeFormat",
                "OracleAPI",
                "GRPCHealth",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
        .executableTarget(
            name: "OracleService",
            dependencies: [
                "ServiceRuntime",
                "OracleEngines",
                "OracleAPI",
                "GRPCHealth",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // Drives a release nps-oracle and prints latency, throughput, memory and shutdown figures; `load` drives a
        // running one over gRPC (readings, writes, oversized fields, fuzzed messages) or abuses one connection to a
        // port of the stack (raw HTTP/2 or slow HTTP/1), and prints one JSON line (the checkpoint suites' gRPC client).
        .executableTarget(
            name: "OracleBenchmark",
            dependencies: [
                "OracleAPI",
                "OracleEngines",
                "ProcessRunning",
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                // `load --abuse` speaks raw HTTP/2 frames and HTTP/1 bytes over its own TCP connection.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // The stand-ins' one long-lived gRPC client to the Oracle and its address (`ORACLE_SERVICE_URL`).
        .target(
            name: "OracleClient",
            dependencies: [
                "ServiceRuntime",
                "OracleAPI",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
            ]
        ),
        // Stand-in for the api service (owned by another team): HTTP on 8000, calls the Oracle over gRPC and HTTP.
        .executableTarget(
            name: "APIStandIn",
            dependencies: [
                "ServiceRuntime",
                "OracleClient",
                "OracleAPI",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // Stand-in for the scanner service (owned by another team): gRPC health on 50051, asks the Oracle for a range.
        .executableTarget(
            name: "ScannerStandIn",
            dependencies: [
                "ServiceRuntime",
                "OracleClient",
                "OracleAPI",
                "GRPCHealth",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The one child-process runner: launch with no signal blocked, drain both pipes, time limits, line streaming.
        // Foundation only, so StackHarness and the test-support targets can all build on it.
        .target(name: "ProcessRunning"),
        // Drives Docker through ProcessRunning; Foundation and the dependency-free LogTimeFormat and ProcessRunning only, by design.
        .target(name: "StackHarness", dependencies: ["LogTimeFormat", "ProcessRunning"]),
    ]
)

// Container images build without Tests/ in their context (NPS_IMAGE_BUILD=1 in the Dockerfile), so an
// edited test never invalidates the image's Swift layer.
if Context.environment["NPS_IMAGE_BUILD"] == nil {
    package.targets += [
        .testTarget(name: "OracleEnginesTests", dependencies: ["OracleEngines"]),
        .testTarget(name: "LogTimeFormatTests", dependencies: ["LogTimeFormat"]),
        // The test PostgreSQL clusters (dev/postgres-test-server.sh) that the Oracle's and the stand-ins' tests share.
        .target(name: "TestPostgres", dependencies: ["ProcessRunning"], path: "Tests/TestPostgres"),
        // What the Oracle's and the stand-ins' tests share: running an application in-process, its captured logs,
        // loopback ports, and the environment and JSON log lines of the binaries they run as child processes.
        .target(
            name: "ServiceTesting",
            dependencies: [
                "ServiceRuntime",
                "ProcessRunning",
                "LogTimeFormat",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/ServiceTesting"
        ),
        .testTarget(
            name: "OracleServiceTests",
            dependencies: [
                "TestPostgres",
                "ServiceTesting",
                "ProcessRunning",
                "ServiceRuntime",
                "OracleService",
                "LogTimeFormat",
                "GRPCHealth",
                "OracleAPI",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "StandInTests",
            dependencies: [
                "TestPostgres",
                "APIStandIn",
                "ScannerStandIn",
                "ServiceTesting",
                "ProcessRunning",
                "ServiceRuntime",
                "LogTimeFormat",
                "OracleClient",
                "OracleAPI",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // The checkpoint rules: pure verdicts on what the harness measured, the requirement catalogue, and the seeded
        // requests some checkpoints send (OracleEngines only for its seeded generator).
        .target(
            name: "CheckpointRules",
            dependencies: ["StackHarness", "ProcessRunning", "LogTimeFormat", "OracleEngines"],
            path: "Tests/CheckpointRules"
        ),
        // The rules on engine samples captured from a real engine; they need no Docker engine.
        .testTarget(name: "CheckpointRulesTests", dependencies: ["CheckpointRules", "StackHarness", "ProcessRunning"]),
        // One Swift Testing suite per checkpoint of the spec; drives Docker through StackHarness only.
        .testTarget(name: "CheckpointTests", dependencies: ["CheckpointRules", "StackHarness", "ProcessRunning", "LogTimeFormat"]),
        .testTarget(name: "StackHarnessTests", dependencies: ["StackHarness", "ProcessRunning"]),
        // oracle-benchmark's pure parts (command lines, percentiles, the flood's questions) and its JSON against the
        // checkpoint rules' decoders.
        .testTarget(
            name: "OracleBenchmarkTests",
            dependencies: [
                "OracleBenchmark",
                "OracleAPI",
                "OracleEngines",
                "CheckpointRules",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ]
        ),
        .testTarget(name: "ProcessRunningTests", dependencies: ["ProcessRunning"]),
    ]
}
