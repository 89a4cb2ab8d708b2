import Foundation
import NIOCore
import OracleClient
import ServiceRuntime
import ServiceTesting
import Testing

@testable import APIStandIn

/// The api stand-in in-process against the real `nps-oracle` binary: every route, then the Oracle stopped.
@Suite("api stand-in")
struct APIStandInTests {
    @Test("answers from the Oracle, maps its errors, and turns unhealthy fast when it stops, while /api/live stays 200")
    func endToEnd() async throws {
        let oracle = try await TestOracle.start()
        let application = try APIApplication.onLoopback(
            oracle: OracleAddress(host: "127.0.0.1", port: oracle.grpcPort),
            oracleHealthURL: "http://127.0.0.1:\(oracle.healthPort)/health"
        )

        try await withRunning(application, until: { $0.port.value != nil }) { _ in
            let port = application.port.value ?? 0
            let health = try await HTTPCall.send(port: port, "/api/health")
            #expect(health.status == 200, "\(health.text)")
            #expect(health.json["status"] as? String == "healthy")
            #expect(health.json["service"] as? String == "api")
            #expect(health.json["oracle"] as? String == "SERVING")
            #expect(await APIApplication.healthProbe.run(environment: ServiceEnvironment(["PORT": "\(port)"])) == 0)

            let reading = try await HTTPCall.send(port: port, "/api/oracle/reading?datetime=2026-02-06T01:15:00%2B08:00")
            #expect(reading.status == 200, "\(reading.text)")
            #expect((reading.json["fc60"] as? [String: Any])?["cycle"] as? Int == 58)
            #expect((reading.json["numerology"] as? [String: Any])?["life_path"] != nil)
            #expect(reading.json["generated_at"] != nil)

            let badDate = try await HTTPCall.send(port: port, "/api/oracle/reading?datetime=yesterday")
            #expect(badDate.status == 400)
            #expect(badDate.json["field"] as? String == "datetime")
            #expect((badDate.json["error"] as? String)?.contains("datetime") == true)

            let name = try await HTTPCall.send(port: port, "/api/oracle/name?name=Alice")
            #expect(name.status == 200, "\(name.text)")
            #expect(name.json["destiny_number"] as? Int == 3)
            let emptyName = try await HTTPCall.send(port: port, "/api/oracle/name?name=")
            #expect(emptyName.status == 400)
            #expect(emptyName.json["field"] as? String == "name")

            let range = try await HTTPCall.send(
                port: port,
                "/api/oracle/suggest-range",
                body: #"{"puzzle_number":66,"ai_level":3,"scanned_ranges":["0x20000000000000000-0x20000000000000fff"]}"#
            )
            #expect(range.status == 200, "\(range.text)")
            #expect((range.json["range_start"] as? String)?.hasPrefix("0x") == true)
            #expect(range.json["strategy"] != nil)
            let puzzle161 = try await HTTPCall.send(port: port, "/api/oracle/suggest-range", body: #"{"puzzle_number":161}"#)
            #expect(puzzle161.status == 400)
            #expect(puzzle161.json["field"] as? String == "puzzle_number")
            let notJSON = try await HTTPCall.send(port: port, "/api/oracle/suggest-range", body: "{puzzle")
            #expect(notJSON.status == 400)
            #expect(notJSON.json["error"] as? String == "request body: not valid JSON")

            let oracleHealth = try await HTTPCall.send(port: port, "/api/oracle/health")
            #expect(oracleHealth.status == 200, "\(oracleHealth.text)")
            #expect(oracleHealth.json["service"] as? String == "oracle")

            let unknown = try await HTTPCall.send(port: port, "/api/nothing-here")
            #expect(unknown.status == 404)
            #expect(unknown.json["error"] as? String == "no route for GET /api/nothing-here")

            try await oracle.stop()
            let start = ContinuousClock.now
            let down = try await HTTPCall.send(port: port, "/api/health")
            #expect(ContinuousClock.now - start < .seconds(2))
            #expect(down.status == 503, "\(down.text)")
            #expect(down.json["status"] as? String == "unhealthy")
            #expect((down.json["reason"] as? String)?.hasPrefix("oracle unavailable") == true)
            #expect(await APIApplication.healthProbe.run(environment: ServiceEnvironment(["PORT": "\(port)"])) == 1)
            // Liveness is the api's own: Swarm, which replaces a task failing it, must not replace the api for an Oracle outage.
            let live = try await HTTPCall.send(port: port, "/api/live")
            #expect(live.status == 200, "\(live.text)")
            #expect(live.json["status"] as? String == "alive")
            #expect(await APIApplication.livenessProbe.run(environment: ServiceEnvironment(["PORT": "\(port)"])) == 0)
            let readingDown = try await HTTPCall.send(port: port, "/api/oracle/reading")
            #expect(readingDown.status == 503)
            #expect((readingDown.json["error"] as? String)?.hasPrefix("oracle unavailable: ") == true)
            let oracleHealthDown = try await HTTPCall.send(port: port, "/api/oracle/health")
            #expect(oracleHealthDown.status == 503)
        }
    }

    /// This host's name, which the Oracle binary running here names itself with.
    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test("every answer from an Oracle call names the Oracle in X-NPS-Oracle-Instance; one no Oracle answered does not")
    func instanceHeader() async throws {
        let host = Self.hostName()
        let oracle = try await TestOracle.start()
        let application = try APIApplication.onLoopback(oracle: OracleAddress(host: "127.0.0.1", port: oracle.grpcPort))

        try await withRunning(application, until: { $0.port.value != nil }) { _ in
            let port = application.port.value ?? 0
            let answers = [
                try await HTTPCall.send(port: port, "/api/health"),
                try await HTTPCall.send(port: port, "/api/oracle/reading?datetime=2026-02-06T01:15:00%2B08:00"),
                try await HTTPCall.send(port: port, "/api/oracle/reading?datetime=yesterday"),
                try await HTTPCall.send(port: port, "/api/oracle/name?name=Alice"),
                try await HTTPCall.send(port: port, "/api/oracle/suggest-range", body: #"{"puzzle_number":66}"#),
                try await HTTPCall.send(port: port, "/api/oracle/suggest-range", body: #"{"puzzle_number":161}"#),
            ]
            #expect(answers.map(\.status) == [200, 200, 400, 200, 200, 400], "\(answers.map(\.text))")
            for answer in answers {
                #expect(answer.headers["X-NPS-Oracle-Instance"] == [host], "\(answer.headers)")
            }
            // Refused by the api itself before any call: no Oracle answered.
            let notJSON = try await HTTPCall.send(port: port, "/api/oracle/suggest-range", body: "{puzzle")
            #expect(notJSON.status == 400)
            #expect(notJSON.headers["X-NPS-Oracle-Instance"].isEmpty, "\(notJSON.headers)")

            try await oracle.stop()
            let down = try await HTTPCall.send(port: port, "/api/oracle/reading")
            #expect(down.status == 503)
            #expect(down.headers["X-NPS-Oracle-Instance"].isEmpty, "\(down.headers)")
        }
    }

    @Test(
        "a bad suggest-range body is a 400 naming the field, or what is wrong with the JSON",
        arguments: [
            (#"{"puzzle_number":-1}"#, "puzzle_number: expected a whole number from 0 to 4294967295", "puzzle_number"),
            (#"{"ai_level":1.5}"#, "ai_level: expected a whole number from 0 to 4294967295", "ai_level"),
            (#"{"puzzle_number":4294967296}"#, "puzzle_number: expected a whole number from 0 to 4294967295", "puzzle_number"),
            (#"{"puzzle_number":"66"}"#, "puzzle_number: expected a whole number", "puzzle_number"),
            (#"{"scanned_ranges":["0x1-0x2",7]}"#, "scanned_ranges[1]: expected a string", "scanned_ranges"),
            (#"{"scanned_ranges":"0x1-0x2"}"#, "scanned_ranges: expected an array of strings", "scanned_ranges"),
            (#"{"scanned_ranges":["0x1-0x2",null]}"#, "scanned_ranges[1]: must not be null", "scanned_ranges"),
            (#"{"puzzle_number":66,"limit":1}"#, "limit: not a field of this request; expected puzzle_number, ai_level, scanned_ranges", "limit"),
            (#"{"":1}"#, ": not a field of this request; expected puzzle_number, ai_level, scanned_ranges", ""),
            (#"[66]"#, "request body: not a JSON object", nil),
            (#""66""#, "request body: not a JSON object", nil),
            ("", "request body: empty; expected a JSON object", nil),
            ("{puzzle", "request body: not valid JSON", nil),
            (#"{"puzzle_number" 66}"#, "request body: not valid JSON", nil),
            (#"{"puzzle_number":NaN}"#, "request body: not valid JSON", nil),
            (#"{"puzzle_number":66}x"#, "request body: not valid JSON", nil),
            ("{\"scanned_ranges\":[\"0x1\u{0}\"]}", "request body: not valid JSON", nil),
            (String(repeating: "[", count: 17), "request body: arrays and objects nested deeper than 16 levels", nil),
            (
                #"{"scanned_ranges":"# + String(repeating: "[", count: 15) + String(repeating: "]", count: 15) + "}",
                "scanned_ranges[0]: expected a string", "scanned_ranges"
            ),
        ] as [(String, String, String?)]
    )
    func badBody(body: String, message: String, field: String?) {
        #expect(throws: RequestError.badRequest(message, field: field)) {
            try SuggestRangeBody.decode(from: ByteBuffer(string: body))
        }
    }

    @Test("a body that is not UTF-8 is a 400 saying so, wherever the bad bytes are")
    func invalidUTF8Body() {
        for bytes: [UInt8] in [[0xFF], Array(#"{"scanned_ranges":["0x1"#.utf8) + [0xC3, 0x28] + Array(#""]}"#.utf8), [0xED, 0xA0, 0x80]] {
            #expect(throws: RequestError.badRequest("request body: not valid UTF-8")) {
                try SuggestRangeBody.decode(from: ByteBuffer(bytes: bytes))
            }
        }
    }

    @Test("an unknown key is quoted in at most 64 bytes")
    func longUnknownKey() {
        let key = String(repeating: "k", count: 500)
        let quoted = String(repeating: "k", count: 64) + "…"
        #expect(
            throws: RequestError.badRequest("\(quoted): not a field of this request; expected puzzle_number, ai_level, scanned_ranges", field: quoted)
        ) {
            try SuggestRangeBody.decode(from: ByteBuffer(string: #"{"\#(key)":1}"#))
        }
    }

    @Test("a good suggest-range body becomes the RPC request; absent keys are the proto defaults")
    func goodBody() throws {
        let full = try SuggestRangeBody.decode(from: ByteBuffer(string: #"{"puzzle_number":66,"ai_level":3,"scanned_ranges":["0x1-0x2"]}"#))
        #expect(full.request.puzzleNumber == 66)
        #expect(full.request.aiLevel == 3)
        #expect(full.request.scannedRanges == ["0x1-0x2"])
        let empty = try SuggestRangeBody.decode(from: ByteBuffer(string: "{}"))
        #expect(empty.request == .init())
    }

    @Test("the field of an Oracle message is its leading name, without an index")
    func fieldOfMessage() {
        #expect(OracleCallFailure.field(in: "datetime: 'x' is not a valid date-time") == "datetime")
        #expect(OracleCallFailure.field(in: "scanned_ranges[2]: 'zz' is bad") == "scanned_ranges")
        #expect(OracleCallFailure.field(in: "Could not connect: refused") == nil)
        #expect(OracleCallFailure.field(in: "no colon here") == nil)
    }
}
