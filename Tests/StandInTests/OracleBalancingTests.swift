import GRPCCore
import GRPCNIOTransportHTTP2
import OracleAPI
import Testing

@testable import OracleClient

/// The stand-ins' Oracle client against two in-process Oracles behind one name, as `tasks.oracle` resolves to every
/// Oracle task on Swarm: round robin over both, read calls retried on UNAVAILABLE, writes not.
@Suite("Oracle client: round robin and retries")
struct OracleBalancingTests {
    typealias ServiceClient = Nps_Oracle_OracleService.Client<OracleTransport>

    /// Runs an ``OracleConnection`` client whose name `oracle` resolves to `ports` on 127.0.0.1 and calls `body` with
    /// it; the client's connections end with the call.
    static func withClient<T: Sendable>(resolvingTo ports: [Int], _ body: (ServiceClient) async throws -> T) async throws -> T {
        var address = OracleAddress(host: "oracle", port: 50052)
        address.lookup = HostLookup { _, _ in ports.map { .ipv4(host: "127.0.0.1", port: $0) } }
        let client = try OracleConnection.makeClient(to: address)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await client.runConnections() }
            do {
                let result = try await body(ServiceClient(wrapping: client))
                client.beginGracefulShutdown()
                try await tasks.waitForAll()
                return result
            } catch {
                client.beginGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }

    @Test("the client balances round robin and retries exactly the calls that store nothing")
    func serviceConfig() {
        let configuration = OracleConnection.serviceConfig
        #expect(configuration.loadBalancingConfig == [.roundRobin])
        let retried = configuration.methodConfig.filter { $0.executionPolicy?.retry?.retryableStatusCodes == [.unavailable] }
        #expect(
            Set(retried.flatMap(\.names).map { "\($0.service)/\($0.method)" }) == [
                "nps.oracle.OracleService/GetReading", "nps.oracle.OracleService/GetNameReading",
                "nps.oracle.OracleService/GetQuestionSign", "nps.oracle.OracleService/GetDailyInsight",
                "nps.oracle.OracleService/GetTimingAlignment", "nps.oracle.OracleService/HealthCheck",
                "grpc.health.v1.Health/Check",
            ]
        )
    }

    @Test("calls reach every address the name resolves to, and all still succeed once one Oracle has stopped")
    func spreadsOverEveryOracle() async throws {
        let first = RecordingOracle()
        let second = RecordingOracle()
        try await first.serve { firstPort, firstServer in
            try await second.serve { secondPort, _ in
                try await Self.withClient(resolvingTo: [firstPort, secondPort]) { oracle in
                    for _ in 0..<20 { _ = try await oracle.getReading(.init()) }
                    #expect(first.readings + second.readings == 20)
                    #expect(first.readings >= 5 && second.readings >= 5, "first \(first.readings), second \(second.readings)")

                    // Stopped as Swarm stops a task in a rolling update: gracefully, while its address still resolves.
                    firstServer.beginGracefulShutdown()
                    for _ in 0..<20 { _ = try await oracle.getReading(.init()) }
                    #expect(first.readings + second.readings == 40, "first \(first.readings), second \(second.readings)")
                }
            }
        }
    }

    @Test("with every Oracle stopped, a read with a 15 s deadline fails UNAVAILABLE at once, its retries included")
    func failsFastWithNoOracle() async throws {
        let oracle = RecordingOracle()
        try await oracle.serve { port, server in
            try await Self.withClient(resolvingTo: [port]) { client in
                _ = try await client.getReading(.init())
                server.beginGracefulShutdown()
                // Time for the server to close its idle connection, so that no call below can still reach it.
                try await Task.sleep(for: .milliseconds(500))
                var options = CallOptions.defaults
                options.timeout = .seconds(15)
                for _ in 0..<3 {
                    let started = ContinuousClock.now
                    let error = await #expect(throws: RPCError.self) { _ = try await client.getReading(.init(), options: options) }
                    let elapsed = ContinuousClock.now - started
                    #expect(error?.code == .unavailable, "\(String(describing: error))")
                    #expect(elapsed < .seconds(1), "failed after \(elapsed)")
                }
            }
        }
    }

    @Test("a read that fails UNAVAILABLE is retried on the other Oracle; SuggestRange, which stores a row, is not")
    func retriesReadsOnly() async throws {
        let draining = RecordingOracle(failing: RPCError(code: .unavailable, message: "draining"))
        let serving = RecordingOracle()
        try await draining.serve { drainingPort, _ in
            try await serving.serve { servingPort, _ in
                try await Self.withClient(resolvingTo: [drainingPort, servingPort]) { oracle in
                    for _ in 0..<20 { _ = try await oracle.getReading(.init()) }
                    #expect(serving.readings == 20)
                    #expect(draining.readings > 0, "no reading went to the draining Oracle first, so none was retried")

                    var failed = 0
                    for _ in 0..<20 {
                        do {
                            _ = try await oracle.suggestRange(.init())
                        } catch let error as RPCError where error.code == .unavailable {
                            failed += 1
                        }
                    }
                    #expect(failed > 0, "no SuggestRange went to the draining Oracle")
                    // Each failure is the one attempt the draining Oracle refused: none was sent again.
                    #expect(draining.metadata.count == failed)
                    #expect(serving.metadata.count == 20 - failed)
                }
            }
        }
    }
}
