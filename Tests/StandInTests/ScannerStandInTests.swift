import GRPCCore
import GRPCNIOTransportHTTP2
import OracleAPI
import OracleClient
import ServiceRuntime
import ServiceTesting
import Testing

@testable import ScannerStandIn

/// The scanner stand-in in-process: health from the start, and the Oracle asked until it answers.
@Suite("scanner stand-in")
struct ScannerStandInTests {
    @Test("serves health at once, keeps asking a late Oracle, logs its suggestion, and stops NOT_SERVING")
    func lateOracle() async throws {
        let oraclePort = try unusedPort()
        let logs = CapturedLogs()
        var configuration = ScannerConfiguration()
        configuration.bindHost = "127.0.0.1"
        configuration.grpcPort = 0
        configuration.oracle = OracleAddress(host: "127.0.0.1", port: oraclePort)
        let application = try ScannerApplication.buildApplication(configuration: configuration, logger: logs.logger(level: .debug))

        let watched = try await withRunning(application, until: { $0.port.value != nil }) { group in
            let port = application.port.value ?? 0
            #expect(await ScannerApplication.healthProbe.run(environment: ServiceEnvironment(["GRPC_PORT": "\(port)"])) == 0)
            let retry = try await logs.waitFor("Oracle not answering yet")
            #expect(retry.level == .info)

            let oracle = try await TestOracle.start(grpcPort: oraclePort)
            let suggestion = try await logs.waitFor("Range suggestion from Oracle")
            #expect(suggestion.metadata["range_start"]?.hasPrefix("0x") == true)
            #expect(suggestion.metadata["range_end"]?.hasPrefix("0x") == true)
            #expect(suggestion.metadata["strategy"]?.isEmpty == false)
            #expect(suggestion.metadata["puzzle_number"] == "66")
            try await oracle.stop()

            return try await withGRPCClient(
                transport: .http2NIOPosix(target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)
            ) { client in
                let health = Grpc_Health_V1_Health.Client(wrapping: client)
                #expect(try await health.check(.with { $0.service = "nps.scanner.ScannerService" }).status == .serving)
                await #expect(throws: RPCError.self) { try await health.check(.with { $0.service = "nps.other" }) }
                // Follows the status until shutdown ends the stream, which must come with NOT_SERVING first.
                return try await health.watch(.with { $0.service = "" }) { response in
                    var statuses: [Grpc_Health_V1_HealthCheckResponse.ServingStatus] = []
                    for try await message in response.messages {
                        statuses.append(message.status)
                        if statuses.count == 1 { await group.triggerGracefulShutdown() }
                    }
                    return statuses
                }
            }
        }
        #expect(watched == [.serving, .notServing])
        #expect(application.health.status(of: "") == .notServing)
    }

    @Test("logs the Oracle link up, lost when the Oracle stops, and up again when an Oracle is back at the address")
    func oracleLinkFollowsRestarts() async throws {
        let oraclePort = try unusedPort()
        let logs = CapturedLogs()
        var configuration = ScannerConfiguration()
        configuration.bindHost = "127.0.0.1"
        configuration.grpcPort = 0
        configuration.oracle = OracleAddress(host: "127.0.0.1", port: oraclePort)
        let application = try ScannerApplication.buildApplication(configuration: configuration, logger: logs.logger(level: .debug))
        try await withRunning(application, until: { $0.port.value != nil }) { _ in
            let first = try await TestOracle.start(grpcPort: oraclePort)
            _ = try await logs.waitFor("Oracle link up")
            try await first.stop()
            let lost = try await logs.waitFor("Oracle link lost")
            #expect(lost.level == .warning && lost.metadata["reason"]?.isEmpty == false)

            let second = try await TestOracle.start(grpcPort: oraclePort)
            let upAgain = await eventually(within: .seconds(15)) { logs.messages.filter { $0 == "Oracle link up" }.count == 2 }
            #expect(upAgain, "\(logs.fullText)")
            #expect(logs.messages.filter { $0 == "Oracle link lost" }.count == 1, "\(logs.fullText)")
            try await second.stop()
        }
    }
}
