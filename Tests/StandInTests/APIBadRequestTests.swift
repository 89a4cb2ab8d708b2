import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import OracleClient
import ServiceTesting
import Testing

@testable import APIStandIn

/// The api stand-in in-process against a recording Oracle, sent requests it must refuse: each gets 4xx with the JSON
/// error shape, none names an internal type, and none reaches the Oracle.
@Suite("api stand-in refusing bad requests")
struct APIBadRequestTests {
    /// Text only a leak of internals puts in an answer (the SEC.apifuzz rule's list, in part).
    static let internalNames = ["Error(", "NIO", "Swift.", "DecodingError", "CodingKeys", "codingPath", "Optional("]
    /// The api's body limit.
    static let limit = OracleRoutes.maximumBodyBytes

    /// `call` is a JSON error with `status`, whose `error` holds `message`, and which names no internal type.
    static func expectRefused(
        _ call: HTTPCall,
        _ status: Int,
        _ message: String,
        field: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(call.status == status, "\(call.text)", sourceLocation: sourceLocation)
        #expect(call.contentType == "application/json", sourceLocation: sourceLocation)
        #expect((call.json["error"] as? String)?.contains(message) == true, "\(call.text)", sourceLocation: sourceLocation)
        #expect(call.json["field"] as? String == field, "\(call.text)", sourceLocation: sourceLocation)
        for name in internalNames {
            #expect(!call.text.contains(name), "\(name) in \(call.text)", sourceLocation: sourceLocation)
        }
    }

    /// `bytes` as a request body.
    static func body(_ bytes: [UInt8]) -> HTTPClientRequest.Body { .bytes(ByteBuffer(bytes: bytes)) }

    @Test("a body over the limit is 413 with the limit in bytes, declared or chunked, on any route; one at the limit is read")
    func overLimit() async throws {
        let oracle = RecordingOracle()
        try await OracleCallForwardingTests.withAPI(on: oracle) { port in
            let over = Array(repeating: UInt8(ascii: " "), count: Self.limit + 1)
            let declared = try await HTTPCall.send(port: port, "/api/oracle/suggest-range", method: .POST, body: Self.body(over))
            Self.expectRefused(declared, 413, "request body: over the limit of \(Self.limit) bytes")

            let chunks = AsyncStream<ByteBuffer> { continuation in
                for _ in 0...(Self.limit / 65_536) { continuation.yield(ByteBuffer(repeating: UInt8(ascii: " "), count: 65_536)) }
                continuation.finish()
            }
            let chunked = try await HTTPCall.send(port: port, "/api/oracle/suggest-range", method: .POST, body: .stream(chunks, length: .unknown))
            Self.expectRefused(chunked, 413, "request body: over the limit of \(Self.limit) bytes")

            let elsewhere = try await HTTPCall.send(port: port, "/api/oracle/reading", method: .POST, body: Self.body(over))
            Self.expectRefused(elsewhere, 413, "over the limit")

            let atLimit = Array(#"{"x":1}"#.utf8) + Array(repeating: UInt8(ascii: " "), count: Self.limit - 7)
            let read = try await HTTPCall.send(port: port, "/api/oracle/suggest-range", method: .POST, body: Self.body(atLimit))
            Self.expectRefused(read, 400, "x: not a field of this request", field: "x")
        }
        #expect(oracle.metadata.isEmpty)
    }

    @Test("bad JSON is 400 saying what is wrong: not UTF-8, too deep, not an object, a wrong type, an unknown field")
    func badJSON() async throws {
        let oracle = RecordingOracle()
        try await OracleCallForwardingTests.withAPI(on: oracle) { port in
            let cases: [([UInt8], String, String?)] = [
                ([0x7B, 0xFF, 0x7D], "request body: not valid UTF-8", nil),
                (Array(String(repeating: "[", count: 100_000).utf8), "nested deeper than 16 levels", nil),
                (Array("[66]".utf8), "request body: not a JSON object", nil),
                (Array(#"{"puzzle_number":true}"#.utf8), "puzzle_number: expected a whole number", "puzzle_number"),
                (Array(#"{"puzzle_number":1e400}"#.utf8), "", nil),
                (Array(#"{"puzzle_number":66,"extra":[]}"#.utf8), "extra: not a field of this request", "extra"),
                (Array(#"{"puzzle_number":66"#.utf8) + [0], "request body: not valid JSON", nil),
            ]
            for (bytes, message, field) in cases {
                let call = try await HTTPCall.send(port: port, "/api/oracle/suggest-range", method: .POST, body: Self.body(bytes))
                #expect(call.status == 400, "\(call.text)")
                if !message.isEmpty { Self.expectRefused(call, 400, message, field: field) }
            }
        }
        #expect(oracle.metadata.isEmpty)
    }

    @Test("an unknown path is 404 quoting at most 64 bytes of it; another method on a route is 405 with Allow")
    func unknownPathAndMethod() async throws {
        try await OracleCallForwardingTests.withAPI(on: RecordingOracle()) { port in
            Self.expectRefused(try await HTTPCall.send(port: port, "/api/nothing-here"), 404, "no route for GET /api/nothing-here")
            let long = "/api/" + String(repeating: "p", count: 300)
            let quoted = try await HTTPCall.send(port: port, long, method: .DELETE)
            Self.expectRefused(quoted, 404, "no route for DELETE \(long.prefix(64))…")
            #expect(quoted.text.utf8.count < 200, "\(quoted.text)")

            for (method, path, allowed) in [
                (HTTPMethod.PUT, "/api/health", "GET"), (.GET, "/api/oracle/suggest-range", "POST"), (.POST, "/api/oracle/reading", "GET"),
                (.OPTIONS, "/api/oracle/name", "GET"), (.DELETE, "/api/oracle/health", "GET"),
            ] {
                let call = try await HTTPCall.send(port: port, path, method: method)
                Self.expectRefused(call, 405, "\(method.rawValue) is not allowed on \(path); use \(allowed)")
                #expect(call.headers.first(name: "allow") == allowed)
            }
        }
    }

    @Test("a query parameter that is not percent-encoded UTF-8, or sent twice, is 400 naming it, before the Oracle is called")
    func badQuery() async throws {
        try await OracleCallForwardingTests.withAPI(on: RecordingOracle()) { port in
            // The recording Oracle does not serve these RPCs: a call reaching it would be 502, not 400.
            for query in ["name=%FF", "name=ab%C3%28", "name=a&name=b"] {
                let call = try await HTTPCall.send(port: port, "/api/oracle/name?\(query)")
                Self.expectRefused(call, 400, "name: ", field: "name")
            }
            let twice = try await HTTPCall.send(port: port, "/api/oracle/reading?datetime=a&x=1&datetime=b")
            Self.expectRefused(twice, 400, "datetime: sent 2 times; expected at most one", field: "datetime")
            let mangled = try await HTTPCall.send(port: port, "/api/oracle/reading?datetime=2026-02-06%ED%A0%80")
            Self.expectRefused(mangled, 400, "datetime: not percent-encoded UTF-8", field: "datetime")
        }
    }

    @Test("after refusing bad bodies, a good one still reaches the Oracle")
    func goodAfterBad() async throws {
        let oracle = RecordingOracle()
        try await OracleCallForwardingTests.withAPI(on: oracle) { port in
            _ = try await HTTPCall.send(port: port, "/api/oracle/suggest-range", body: "{")
            let good = try await HTTPCall.send(port: port, "/api/oracle/suggest-range", body: #"{"puzzle_number":66,"scanned_ranges":[]}"#)
            #expect(good.status == 200, "\(good.text)")
            #expect(good.json["range_start"] as? String == "0x1")
        }
        #expect(oracle.metadata.count == 1)
    }

    @Test("query parameters: decoded, other parameters ignored, a key without = is empty, absent is nil")
    func queryParameter() throws {
        #expect(try QueryParameter.value("name", in: "name=al%20ice%2B") == "al ice+")
        #expect(try QueryParameter.value("name", in: "x=%FF&name=bob&y") == "bob")
        #expect(try QueryParameter.value("name", in: "name") == "")
        #expect(try QueryParameter.value("name", in: "names=bob") == nil)
        #expect(try QueryParameter.value("name", in: nil) == nil)
        // A client's URL parser re-encodes a broken escape before it is sent, so these are only tried here.
        for query in ["name=%", "name=%4", "name=%zz", "name=%ff"] {
            #expect(throws: RequestError.badRequest("name: not percent-encoded UTF-8", field: "name")) {
                try QueryParameter.value("name", in: query)
            }
        }
    }
}
