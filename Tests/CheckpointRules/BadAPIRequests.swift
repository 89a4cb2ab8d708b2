import Foundation
import OracleEngines

/// A seeded, pure generator of requests the api must refuse (SEC.apifuzz): every route, every `BadAPIRequest.Defect`
/// in turn, variants drawn from the seed, so the same seed always yields the same requests.
///
/// Free text is drawn from lowercase letters and digits, so nothing a reply quotes back can look like an internal type
/// name; no path is a route's path, and no body is one the api could take, whatever else it tolerates.
package enum BadAPIRequests {
    /// The seed SEC.apifuzz uses, so every run sends the same requests.
    package static let seed: UInt64 = 0x5EC_A91F
    /// The api's routes and the one method each answers.
    package static let routes: [(path: String, method: String)] = [
        ("/api/health", "GET"), ("/api/oracle/health", "GET"), ("/api/oracle/reading", "GET"), ("/api/oracle/name", "GET"),
        (suggestRange, "POST"),
    ]
    /// The route that takes a JSON body.
    package static let suggestRange = "/api/oracle/suggest-range"

    /// The methods a request may use; HEAD is left out, its answer has no body to judge.
    private static let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
    /// Byte sequences that are not UTF-8: bad leads, lone continuations, overlong forms, surrogates, 5-byte forms.
    private static let invalidUTF8: [[UInt8]] = [
        [0xFF], [0xFE], [0x80], [0xA0, 0xA1], [0xC3, 0x28], [0xC0, 0xAF], [0xE2, 0x28, 0xA1], [0xE2, 0x82, 0x28],
        [0xED, 0xA0, 0x80], [0xF0, 0x28, 0x8C, 0xBC], [0xF8, 0x88, 0x80, 0x80, 0x80],
    ]
    /// Valid bodies, for the defects that break or extend one.
    private static let goodBodies = [
        #"{"puzzle_number":66,"ai_level":3,"scanned_ranges":["0x20000000000000000-0x20000000000000fff"]}"#,
        #"{"puzzle_number":71,"ai_level":1}"#, #"{"scanned_ranges":["0x1-0xff","0x100-0x1ff"]}"#, #"{"ai_level":0}"#,
    ]

    /// `count` requests from `seed`: the defects in turn, three of each per round and one body over the limit (each is
    /// over 1 MiB).
    package static func generate(count: Int, seed: UInt64 = seed) -> [BadAPIRequest] {
        var random = SplitMix64(seed: seed)
        let round = BadAPIRequest.Defect.allCases.flatMap { Array(repeating: $0, count: $0 == .overLimit ? 1 : 3) }
        return (0..<count).map { request(round[$0 % round.count], using: &random) }
    }

    /// One request with `defect`.
    private static func request(_ defect: BadAPIRequest.Defect, using random: inout SplitMix64) -> BadAPIRequest {
        switch defect {
        case .brokenJSON: post(defect, brokenJSON(using: &random), using: &random)
        case .truncatedJSON: post(defect, truncatedJSON(using: &random), using: &random)
        case .wrongType: post(defect, wrongType(using: &random), using: &random)
        case .missingField: missingField(using: &random)
        case .extraField: post(defect, extraField(using: &random), using: &random)
        case .hugeNumber: post(defect, hugeNumber(using: &random), using: &random)
        case .invalidUTF8: invalidUTF8(using: &random)
        case .nulByte: nulByte(using: &random)
        case .deepNesting: post(defect, deepNesting(using: &random), using: &random)
        case .overLimit: overLimit(using: &random)
        case .badQuery: badQuery(using: &random)
        case .unknownPath: unknownPath(using: &random)
        case .wrongMethod: wrongMethod(using: &random)
        case .badHeader: badHeader(using: &random)
        }
    }

    // MARK: Bodies

    private static func brokenJSON(using random: inout SplitMix64) -> Data {
        let puzzle = badPuzzle(using: &random)
        let text = [
            #"{"puzzle_number":\#(puzzle),}"#, #"{"puzzle_number" \#(puzzle)}"#, #"{puzzle_number:\#(puzzle)}"#,
            #"{'puzzle_number':\#(puzzle)}"#, #"{"puzzle_number":\#(puzzle)}}"#, #"{"puzzle_number":\#(puzzle)} \#(word(using: &random))"#,
            #"{"puzzle_number":\#(puzzle),,"ai_level":1}"#, #"{"puzzle_number":\#(puzzle),"scanned_ranges":["0x1-0x2",]}"#,
            #"{"puzzle_number":0xffff}"#, #"{"puzzle_number":NaN}"#, #"{"puzzle_number":-Infinity}"#, #"{"puzzle_number":+\#(puzzle)}"#,
            #"{"puzzle_number":0\#(puzzle)}"#, #"{"puzzle_number":.5}"#, #"{"puzzle_number":-}"#, #"{"puzzle_number":tru}"#,
            #"{"scanned_ranges":["\x41"]}"#, #"{"scanned_ranges":["\u12"]}"#, #"{"scanned_ranges":["0x1-0x2"}"#,
            "// \(word(using: &random))\n{\"puzzle_number\":\(puzzle)}", #"{"puzzle_number":\#(puzzle)} {"puzzle_number":\#(puzzle)}"#,
            word(using: &random), "{\"puzzle_number\":\(puzzle)\n", "}", "]", "[", ",",
        ].randomElement(using: &random)!
        return Data(text.utf8)
    }

    /// A proper prefix of a valid body: an object's closing brace is its last byte, so no prefix is JSON.
    private static func truncatedJSON(using random: inout SplitMix64) -> Data {
        let body = Data(goodBodies.randomElement(using: &random)!.utf8)
        return body.prefix(Int.random(in: 0..<body.count, using: &random))
    }

    private static func wrongType(using random: inout SplitMix64) -> Data {
        let number = Int.random(in: 1...160, using: &random)
        let text = [
            #"{"puzzle_number":"\#(number)"}"#, #"{"puzzle_number":true}"#, #"{"puzzle_number":[\#(number)]}"#,
            #"{"puzzle_number":{"value":\#(number)}}"#, #"{"ai_level":"\#(number)"}"#, #"{"ai_level":false}"#, #"{"ai_level":[]}"#,
            #"{"scanned_ranges":"0x1-0x2"}"#, #"{"scanned_ranges":\#(number)}"#, #"{"scanned_ranges":{"0x1":"0x2"}}"#,
            #"{"scanned_ranges":[\#(number)]}"#, #"{"scanned_ranges":[["0x1-0x2"]]}"#, #"{"scanned_ranges":[true]}"#,
            #"{"scanned_ranges":["0x1-0x2",null]}"#, "[\(number)]", "\"\(word(using: &random))\"", "\(number)", "null", "true", "[]",
        ].randomElement(using: &random)!
        return Data(text.utf8)
    }

    private static func extraField(using random: inout SplitMix64) -> Data {
        var key = word(using: &random)
        if ["puzzle_number", "ai_level", "scanned_ranges"].contains(key) { key += "x" }
        let text = [
            #"{"puzzle_number":66,"\#(key)":1}"#, #"{"\#(key)":"\#(word(using: &random))"}"#,
            #"{"puzzle_number":66,"ai_level":3,"scanned_ranges":[],"\#(key)":[]}"#, #"{"puzzlenumber":66}"#, #"{"puzzle_number":66,"":1}"#,
            #"{"scanned_range":["0x1-0xff"]}"#, #"{"ai_level":1,"\#(key)":null}"#,
        ].randomElement(using: &random)!
        return Data(text.utf8)
    }

    private static func hugeNumber(using random: inout SplitMix64) -> Data {
        let big = digits(Int.random(in: 11...40, using: &random), using: &random)
        let text = [
            #"{"puzzle_number":\#(big)}"#, #"{"ai_level":\#(big)}"#, #"{"puzzle_number":-\#(big)}"#,
            #"{"puzzle_number":1e\#(Int.random(in: 10...999, using: &random))}"#,
            #"{"ai_level":-1e\#(Int.random(in: 10...999, using: &random))}"#, #"{"puzzle_number":4294967296}"#,
            #"{"puzzle_number":\#(Int.random(in: 161...4_294_967_295, using: &random))}"#,
            #"{"ai_level":\#(Int.random(in: 0...99, using: &random)).5}"#, #"{"ai_level":-\#(Int.random(in: 1...99, using: &random))}"#,
            #"{"puzzle_number":\#(digits(Int.random(in: 300...400, using: &random), using: &random))}"#,
            #"{"scanned_ranges":["0x1-0x\#(hexDigits(Int.random(in: 65...90, using: &random), using: &random))"]}"#,
        ].randomElement(using: &random)!
        return Data(text.utf8)
    }

    private static func deepNesting(using random: inout SplitMix64) -> Data {
        let depth = Bool.random(using: &random) ? Int.random(in: 17...2_000, using: &random) : Int.random(in: 10_000...100_000, using: &random)
        let open = String(repeating: "[", count: depth)
        let close = String(repeating: "]", count: depth)
        let text = [
            open + close, #"{"scanned_ranges":"# + open + #""0x1-0x2""# + close + "}",
            String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth), open,
        ].randomElement(using: &random)!
        return Data(text.utf8)
    }

    // MARK: Requests

    private static func missingField(using random: inout SplitMix64) -> BadAPIRequest {
        var other = word(using: &random)
        if other == "name" { other += "x" }
        let query = ["", "?\(other)=\(word(using: &random))", "?name=", "?name", "?name=%20%20", "?nam=\(word(using: &random))"]
        let ranges = [#"["0x1-"]"#, #"["-0xff"]"#, #"["0x-0xff"]"#, #"[""]"#, #"["0x1"]"#, #"["0x1-0x2-0x3"]"#]
        if Bool.random(using: &random) {
            return BadAPIRequest(defect: .missingField, method: "GET", pathAndQuery: "/api/oracle/name" + query.randomElement(using: &random)!)
        }
        return post(.missingField, Data(#"{"scanned_ranges":\#(ranges.randomElement(using: &random)!)}"#.utf8), using: &random)
    }

    private static func invalidUTF8(using random: inout SplitMix64) -> BadAPIRequest {
        let bad = invalidUTF8.randomElement(using: &random)!
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return query(.invalidUTF8, "/api/oracle/name", "name", Array(word(using: &random).utf8) + bad)
        case 1: return query(.invalidUTF8, "/api/oracle/reading", "datetime", Array("2026-02-06".utf8) + bad)
        case 2: return post(.invalidUTF8, Data(#"{"scanned_ranges":["0x1-0x2"#.utf8 + bad + #""]}"#.utf8), using: &random)
        case 3: return post(.invalidUTF8, Data(#"{"puzzle_"#.utf8 + bad + #"number":66}"#.utf8), using: &random)
        case 4: return post(.invalidUTF8, Data(#"{"puzzle_number":66,"ai_level":3}"#.utf8 + bad), using: &random)
        default: return post(.invalidUTF8, Data(bad), using: &random)
        }
    }

    private static func nulByte(using random: inout SplitMix64) -> BadAPIRequest {
        switch Int.random(in: 0..<7, using: &random) {
        case 0: return query(.nulByte, "/api/oracle/name", "name", Array(word(using: &random).utf8) + [0] + Array(word(using: &random).utf8))
        case 1: return query(.nulByte, "/api/oracle/reading", "datetime", Array("2026-02-06T01:15:00".utf8) + [0])
        case 2: return query(.nulByte, "/api/oracle/name", "name", [0])
        case 3: return post(.nulByte, Data(#"{"scanned_ranges":["0x1-0x2\u0000"]}"#.utf8), using: &random)
        case 4: return post(.nulByte, Data(#"{"scanned_ranges":["0x1-0x2"#.utf8 + [0] + #""]}"#.utf8), using: &random)
        case 5: return post(.nulByte, Data(#"{"puzzle_number\u0000":66}"#.utf8), using: &random)
        default: return post(.nulByte, Data(#"{"puzzle_number":66}"#.utf8 + [0]), using: &random)
        }
    }

    /// Just over the limit (the first one by a byte), most to suggest-range, some to routes that take no body; the
    /// JSON in it is bad too, in case the limit is not enforced.
    private static func overLimit(using random: inout SplitMix64) -> BadAPIRequest {
        let extra = Bool.random(using: &random) ? 1 : Int.random(in: 1...65_536, using: &random)
        let start = Data(#"{"puzzle_number":161,"scanned_ranges":["#.utf8)
        let entry = Data(#""zz","#.utf8)
        var body = start
        body.reserveCapacity(Requirements.apiBodyLimit + extra)
        // As many entries as fit before the closing "]}", made in one piece (a megabyte appended 5 bytes at a time is
        // seconds of a core in a debug build).
        let entries = max(0, (Requirements.apiBodyLimit + extra - 2 - start.count) / entry.count)
        body.append(Data(String(repeating: #""zz","#, count: entries).utf8))
        body.append(Data(String(repeating: " ", count: Requirements.apiBodyLimit + extra - body.count - 2).utf8))
        body.append(Data(#"]}"#.utf8))
        let (method, path) = [
            ("POST", suggestRange), ("POST", suggestRange), ("POST", suggestRange), ("PUT", suggestRange), ("POST", "/api/oracle/reading"),
            ("POST", "/api/\(word(using: &random))x"),
        ].randomElement(using: &random)!
        return BadAPIRequest(defect: .overLimit, method: method, pathAndQuery: path, headers: contentType(using: &random), body: body)
    }

    private static func badQuery(using random: inout SplitMix64) -> BadAPIRequest {
        let datetimes = [
            "yesterday", word(using: &random), "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-02-06T25:00:00Z",
            "2026-02-06T01:61:00Z", "2026-02-06T01:15:00+24:00", digits(Int.random(in: 65...200, using: &random), using: &random),
            " ", "0", "-1", "2026-02-06T01:15:00+08:00x",
        ]
        let extra = Bool.random(using: &random) ? "&\(word(using: &random))=\(word(using: &random))" : ""
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
            return query(.badQuery, "/api/oracle/reading", "datetime", Array(datetimes.randomElement(using: &random)!.utf8), extra: extra)
        case 1:
            let long = String((0..<Int.random(in: 257...700, using: &random)).map { _ in letters.randomElement(using: &random)! })
            return query(.badQuery, "/api/oracle/name", "name", Array(long.utf8), extra: extra)
        case 2:
            let first = percentEncoded(Array(datetimes.randomElement(using: &random)!.utf8))
            let second = percentEncoded(Array(datetimes.randomElement(using: &random)!.utf8))
            return BadAPIRequest(defect: .badQuery, method: "GET", pathAndQuery: "/api/oracle/reading?datetime=\(first)&datetime=\(second)")
        default:
            return BadAPIRequest(defect: .badQuery, method: "GET", pathAndQuery: "/api/oracle/name?name=&name=%20" + extra)
        }
    }

    private static func unknownPath(using random: inout SplitMix64) -> BadAPIRequest {
        let (first, second) = (word(using: &random), word(using: &random))
        var path = [
            "/api/\(first)", "/api/oracle/\(first)", "/\(first)", "/", "/api", "/api/oracle", "/api/oracle/reading/\(first)",
            "/api/health/\(first)", "/api/oracle/readings", "/api/oracle/suggest_range", "/api/v2/oracle/reading",
            "/api/\(first)/\(second)", "/api/oracle/name/\(first)/\(second)",
        ].randomElement(using: &random)!
        if routes.contains(where: { $0.path == path }) { path += "x" }
        let query = Bool.random(using: &random) ? "?\(first)=\(second)" : ""
        if Int.random(in: 0..<4, using: &random) == 0 {
            return BadAPIRequest(
                defect: .unknownPath,
                method: "POST",
                pathAndQuery: path + query,
                headers: contentType(using: &random),
                body: Data(#"{"puzzle_number":66}"#.utf8)
            )
        }
        return BadAPIRequest(defect: .unknownPath, method: "GET", pathAndQuery: path + query)
    }

    private static func wrongMethod(using random: inout SplitMix64) -> BadAPIRequest {
        let route = routes.randomElement(using: &random)!
        let method = methods.filter { $0 != route.method }.randomElement(using: &random)!
        let query =
            route.path == "/api/oracle/reading"
            ? "?datetime=2026-02-06T01%3A15%3A00%2B08%3A00" : route.path == "/api/oracle/name" ? "?name=alice" : ""
        guard ["POST", "PUT", "PATCH"].contains(method) else {
            return BadAPIRequest(defect: .wrongMethod, method: method, pathAndQuery: route.path + query)
        }
        return BadAPIRequest(
            defect: .wrongMethod,
            method: method,
            pathAndQuery: route.path + query,
            headers: contentType(using: &random),
            body: Data(#"{"puzzle_number":\#(Int.random(in: 1...160, using: &random))}"#.utf8)
        )
    }

    /// A body suggest-range takes, with an `Idempotency-Key` the Oracle refuses: with a space, or over 128 bytes.
    private static func badHeader(using random: inout SplitMix64) -> BadAPIRequest {
        let key =
            Bool.random(using: &random)
            ? "\(word(using: &random)) \(word(using: &random))"
            : String((0..<Int.random(in: 129...400, using: &random)).map { _ in letters.randomElement(using: &random)! })
        var headers = contentType(using: &random)
        headers["Idempotency-Key"] = key
        let body = Data(#"{"puzzle_number":\#(Int.random(in: 1...160, using: &random))}"#.utf8)
        return BadAPIRequest(defect: .badHeader, method: "POST", pathAndQuery: suggestRange, headers: headers, body: body)
    }

    // MARK: Parts

    /// `POST /api/oracle/suggest-range` with `body`.
    private static func post(_ defect: BadAPIRequest.Defect, _ body: Data, using random: inout SplitMix64) -> BadAPIRequest {
        BadAPIRequest(defect: defect, method: "POST", pathAndQuery: suggestRange, headers: contentType(using: &random), body: body)
    }

    /// `GET path?name=value`, `value` percent-encoded, then `extra` as it is.
    private static func query(_ defect: BadAPIRequest.Defect, _ path: String, _ name: String, _ value: [UInt8], extra: String = "") -> BadAPIRequest {
        BadAPIRequest(defect: defect, method: "GET", pathAndQuery: "\(path)?\(name)=\(percentEncoded(value))\(extra)")
    }

    /// A `Content-Type` the body may come with, or none; the api reads the body as JSON whatever it says.
    private static func contentType(using random: inout SplitMix64) -> [String: String] {
        [["Content-Type": "application/json"], ["Content-Type": "application/json; charset=utf-8"], ["Content-Type": "text/plain"], [:]]
            .randomElement(using: &random)!
    }

    /// A puzzle number the Oracle refuses (1-160 are valid, 0 means 66), as JSON number text.
    private static func badPuzzle(using random: inout SplitMix64) -> String {
        [
            "\(Int.random(in: 161...99_999, using: &random))", "-\(Int.random(in: 1...1_000, using: &random))",
            "\(Int.random(in: 1...160, using: &random)).5", "4294967296",
        ].randomElement(using: &random)!
    }

    /// The characters of free text.
    private static let letters = Array("abcdefghijklmnopqrstuvwxyz")

    /// 1 to 12 lowercase letters and digits.
    private static func word(using random: inout SplitMix64) -> String {
        let characters = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<Int.random(in: 1...12, using: &random)).map { _ in characters.randomElement(using: &random)! })
    }

    /// `count` decimal digits, the first not 0.
    private static func digits(_ count: Int, using random: inout SplitMix64) -> String {
        let alphabet = Array("0123456789")
        return "\(Int.random(in: 1...9, using: &random))" + String((1..<count).map { _ in alphabet.randomElement(using: &random)! })
    }

    /// `count` hex digits, the first not 0.
    private static func hexDigits(_ count: Int, using random: inout SplitMix64) -> String {
        let alphabet = Array("0123456789abcdef")
        return "\(Int.random(in: 1...9, using: &random))" + String((1..<count).map { _ in alphabet.randomElement(using: &random)! })
    }

    /// `bytes` with every byte outside the unreserved set (letters, digits, `-._~`) as `%XX`, so a URL parser keeps it as it is.
    private static func percentEncoded(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let unreserved =
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || "-._~".utf8.contains(byte)
            return unreserved ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
        }.joined()
    }
}
