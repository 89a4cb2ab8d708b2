import AsyncHTTPClient
import Foundation
import GRPCCore
import NIOCore
import OracleClient
import ServiceTesting
import Testing

@testable import APIStandIn

/// The api stand-in in-process against a recording Oracle: what it forwards as metadata and how it maps RESOURCE_EXHAUSTED.
@Suite("api stand-in forwarding to a recording Oracle")
struct OracleCallForwardingTests {
    /// A suggest-range body the api accepts.
    static let body = #"{"puzzle_number":66}"#

    /// Runs the api against `oracle` and calls `body` with the api's port.
    static func withAPI(on oracle: RecordingOracle, _ body: @Sendable @escaping (Int) async throws -> Void) async throws {
        try await oracle.serve { grpcPort, _ in
            let application = try APIApplication.onLoopback(oracle: OracleAddress(host: "127.0.0.1", port: grpcPort))
            try await withRunning(application, until: { $0.port.value != nil }) { _ in
                try await body(application.port.value ?? 0)
            }
        }
    }

    /// `POST /api/oracle/suggest-range` with `headers`: status and body text.
    static func suggestRange(port: Int, headers: [(String, String)] = []) async throws -> (status: Int, text: String) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/oracle/suggest-range")
        request.method = .POST
        request.headers.add(name: "content-type", value: "application/json")
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), String(buffer: bytes))
    }

    /// The body as a JSON object (empty when it is not one).
    static func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    @Test("an Idempotency-Key header on POST /api/oracle/suggest-range reaches the Oracle as idempotency-key metadata")
    func forwardsIdempotencyKey() async throws {
        let oracle = RecordingOracle()
        try await Self.withAPI(on: oracle) { port in
            let keyed = try await Self.suggestRange(port: port, headers: [("Idempotency-Key", "retry-7f3a:1")])
            #expect(keyed.status == 200, "\(keyed.text)")
            let plain = try await Self.suggestRange(port: port)
            #expect(plain.status == 200, "\(plain.text)")
            let twice = try await Self.suggestRange(port: port, headers: [("Idempotency-Key", "a"), ("idempotency-key", "b")])
            #expect(twice.status == 200, "\(twice.text)")
        }
        let calls = oracle.metadata
        try #require(calls.count == 3)
        #expect(Array(calls[0][stringValues: "idempotency-key"]) == ["retry-7f3a:1"])
        #expect(Array(calls[1][stringValues: "idempotency-key"]).isEmpty)
        // Both values go on, for the Oracle to refuse: the api does not pick one.
        #expect(Array(calls[2][stringValues: "idempotency-key"]) == ["a", "b"])
    }

    @Test("RESOURCE_EXHAUSTED from the Oracle is 503 with a JSON error saying it is busy")
    func resourceExhaustedIsBusy() async throws {
        let oracle = RecordingOracle(failing: RPCError(code: .resourceExhausted, message: "record backlog is full"))
        try await Self.withAPI(on: oracle) { port in
            let busy = try await Self.suggestRange(port: port)
            #expect(busy.status == 503, "\(busy.text)")
            #expect(Self.json(busy.text)["error"] as? String == "oracle busy: record backlog is full", "\(busy.text)")
        }
    }

    @Test("OracleCallFailure answers RESOURCE_EXHAUSTED with 503 and UNAVAILABLE still with 503")
    func busyStatus() {
        #expect(OracleCallFailure.response(for: RPCError(code: .resourceExhausted, message: "full")).status == .serviceUnavailable)
        #expect(OracleCallFailure.response(for: RPCError(code: .unavailable, message: "down")).status == .serviceUnavailable)
        #expect(OracleCallFailure.response(for: RPCError(code: .internalError, message: "bug")).status == .badGateway)
    }

    @Test("an Oracle message about the idempotency-key metadata names it as the field")
    func idempotencyKeyField() {
        #expect(OracleCallFailure.field(in: "idempotency-key: must not be empty") == "idempotency-key")
    }
}
