import Foundation
import ServiceTesting
import Testing

/// The built `nps-api-stand-in` and `nps-scanner-stand-in` binaries, run the way their containers run them.
@Suite("stand-in binaries")
struct BinaryTests {
    @Test("a bad ORACLE_SERVICE_URL exits 1 with one line naming it", arguments: ["nps-api-stand-in", "nps-scanner-stand-in"])
    func badOracleAddress(binary: String) async throws {
        let process = try TestProcess(binary, environment: ["ORACLE_SERVICE_URL": "oracle"])
        #expect(try await process.waitForExit() == 1)
        #expect(process.stderrLines.count == 1, "\(process.transcript)")
        #expect(process.stderrLines.first?.contains("ORACLE_SERVICE_URL") == true, "\(process.transcript)")
        #expect(process.stdoutLines.isEmpty)
    }

    @Test("the api logs JSON lines, reports unhealthy without an Oracle, and exits 0 quickly on SIGTERM")
    func api() async throws {
        let oraclePort = try unusedPort()
        let process = try TestProcess(
            "nps-api-stand-in",
            environment: ["PORT": "0", "ORACLE_SERVICE_URL": "127.0.0.1:\(oraclePort)", "ORACLE_HEALTH_URL": "http://127.0.0.1:\(oraclePort)/health"]
        )
        let listening = try await process.waitForMessage(startingWith: "Server started and listening on ")
        let port = try #require((listening["message"] as? String)?.split(separator: ":").last.flatMap { Int($0) })
        let probe = try TestProcess("nps-api-stand-in", arguments: ["healthcheck"], environment: ["PORT": "\(port)"])
        #expect(try await probe.waitForExit() == 1, "\(probe.transcript)")
        #expect(probe.stdoutLines.first?.contains(#""status":"unhealthy""#) == true, "\(probe.transcript)")

        let (status, elapsed) = try await process.stop()
        #expect(status == 0, "\(process.transcript)")
        #expect(elapsed < .seconds(2))
        for line in process.stdoutLines {
            let object = try #require(ServiceLogLine.object(of: line), "not JSON: \(line)")
            #expect(object["time"] is String && object["level"] is String && object["message"] is String)
        }
        #expect(!process.stdoutLines.contains { $0.contains(#""level":"error""#) || $0.contains(#""level":"critical""#) })
    }

    @Test("the scanner answers its healthcheck while the Oracle is away and exits 0 quickly on SIGTERM")
    func scanner() async throws {
        let process = try TestProcess("nps-scanner-stand-in", environment: ["GRPC_PORT": "0", "ORACLE_SERVICE_URL": "127.0.0.1:\(try unusedPort())"])
        let listening = try await process.waitForMessage(startingWith: "gRPC server listening on ")
        let port = try #require((listening["message"] as? String)?.split(separator: " ").last.flatMap { Int($0) })
        let probe = try TestProcess("nps-scanner-stand-in", arguments: ["healthcheck"], environment: ["GRPC_PORT": "\(port)"])
        #expect(try await probe.waitForExit() == 0, "\(probe.transcript)")
        // Its liveness probe is its health probe: the scanner's health needs nothing but itself.
        let live = try TestProcess("nps-scanner-stand-in", arguments: ["healthcheck", "live"], environment: ["GRPC_PORT": "\(port)"])
        #expect(try await live.waitForExit() == 0, "\(live.transcript)")
        try await process.waitForMessage(startingWith: "Oracle not answering yet")

        let (status, elapsed) = try await process.stop()
        #expect(status == 0, "\(process.transcript)")
        #expect(elapsed < .seconds(2))
        #expect(process.stdoutLines.last.flatMap(ServiceLogLine.object(of:))?["message"] as? String == "Scanner stand-in stopped")
    }
}
