import CheckpointRules
import Foundation
import Testing

/// SEC.apifuzz's generator of bad requests and its rules on the api's answers: the answers the api gives now pass,
/// and each way of answering badly fails, naming the request.
@Suite("API fuzz rules (SEC.apifuzz) on generated requests and made-up answers")
struct APIFuzzRules {
    /// The requests SEC.apifuzz sends, generated once.
    static let requests = BadAPIRequests.generate(count: Requirements.apiFuzzRequests)

    /// The api's answer as it is now: 413 for a body over the limit, 400 for the rest, in its JSON error shape.
    static func goodReply(_ request: BadAPIRequest) -> APIFuzzReply {
        request.isOverLimit
            ? reply(request, status: 413, body: #"{"error":"request body: over the limit of 1048576 bytes"}"#)
            : reply(request, status: 400, body: #"{"error":"puzzle_number: expected a whole number","field":"puzzle_number"}"#)
    }

    /// An answer to `request` with `status`, `body` and `contentType`.
    static func reply(_ request: BadAPIRequest, status: Int, body: String, contentType: String? = "application/json") -> APIFuzzReply {
        APIFuzzReply(
            request: request,
            reply: HTTPReply(
                request: "\(request.method) http://127.0.0.1:8000\(request.pathAndQuery)",
                status: status,
                body: Data(body.utf8),
                elapsed: .milliseconds(3),
                contentType: contentType
            )
        )
    }

    /// The good answers with the one at `index` (or the first over the limit, when `index` is nil) replaced by `broken`.
    static func replies(breaking index: Int? = nil, with broken: (BadAPIRequest) -> APIFuzzReply) throws -> [APIFuzzReply] {
        var replies = requests.map(goodReply)
        let at = try #require(index ?? requests.firstIndex(where: \.isOverLimit))
        replies[at] = broken(requests[at])
        return replies
    }

    @Test("The generator makes exactly the count asked for, the same for the same seed and different for another")
    func deterministic() {
        #expect(Self.requests.count == Requirements.apiFuzzRequests)
        #expect(BadAPIRequests.generate(count: Requirements.apiFuzzRequests) == Self.requests)
        #expect(BadAPIRequests.generate(count: 7).count == 7)
        #expect(BadAPIRequests.generate(count: 100, seed: 1) != BadAPIRequests.generate(count: 100, seed: 2))
    }

    @Test("Every defect and every route is generated, with bodies just over the limit and invalid UTF-8 in bodies and queries")
    func coverage() {
        let requests = Self.requests
        for defect in BadAPIRequest.Defect.allCases {
            #expect(requests.contains { $0.defect == defect }, "\(defect.rawValue)")
        }
        for route in BadAPIRequests.routes {
            #expect(requests.contains { $0.pathAndQuery.split(separator: "?").first.map(String.init) == route.path }, "\(route.path)")
            #expect(requests.contains { $0.pathAndQuery.hasPrefix(route.path) && $0.method != route.method }, "wrong method on \(route.path)")
        }
        #expect(requests.contains { $0.body?.count == Requirements.apiBodyLimit + 1 })
        #expect(requests.filter(\.isOverLimit).count >= 20)
        #expect(requests.contains { $0.defect == .invalidUTF8 && $0.body.map { String(data: $0, encoding: .utf8) == nil } == true })
        #expect(requests.contains { $0.defect == .invalidUTF8 && $0.pathAndQuery.contains("?") })
        #expect(requests.contains { $0.body?.contains(0) == true })
        #expect(requests.contains { $0.headers["Idempotency-Key"] != nil })
    }

    @Test("No generated request could be answered well: no unknown path is a route, no wrong method is the route's own")
    func everyRequestIsBad() {
        let routes = Dictionary(uniqueKeysWithValues: BadAPIRequests.routes.map { ($0.path, $0.method) })
        for request in Self.requests {
            let path = String(request.pathAndQuery.split(separator: "?", omittingEmptySubsequences: false)[0])
            switch request.defect {
            case .unknownPath: #expect(routes[path] == nil, "\(request.summary)")
            case .wrongMethod: #expect(routes[path] != nil && routes[path] != request.method, "\(request.summary)")
            case .overLimit: #expect(request.isOverLimit, "\(request.summary)")
            default: #expect(routes[path] == request.method, "\(request.summary)")
            }
            #expect(request.method != "HEAD" && !(request.method == "GET" && request.body != nil), "\(request.summary)")
        }
    }

    @Test("No generated request holds an internal type name, so an answer quoting one cannot be taken for a leak")
    func noInternalNamesSent() {
        // The names are ASCII, so a search of the bytes finds what a search of the text would, without making a
        // string of each megabyte body.
        let names = APIFuzzChecks.internalNames.map { Data($0.utf8) }
        for request in Self.requests {
            var bytes = Data((request.pathAndQuery + request.headers.map { "\($0.key): \($0.value)" }.joined()).utf8)
            bytes.append(request.body ?? Data())
            #expect(names.allSatisfy { bytes.range(of: $0) == nil }, "\(request.summary)")
        }
    }

    @Test("Every path and query is sent as generated: a URL made from it keeps it unchanged")
    func urlsKeepTheQuery() {
        for request in Self.requests {
            let url = URL(string: "http://127.0.0.1:8000" + request.pathAndQuery)
            #expect(url?.absoluteString == "http://127.0.0.1:8000" + request.pathAndQuery, "\(request.summary)")
        }
    }

    @Test("The api's answers pass: 4xx JSON everywhere, 413 for every body over the limit")
    func goodRepliesPass() {
        let outcome = APIFuzzChecks.badRequests(Self.requests.map(Self.goodReply))
        #expect(outcome.passed, "\(outcome.reason)")
        #expect(outcome.id == Requirements.secAPIFuzz.id)
        #expect(outcome.measured.contains("1000 bad requests answered 4xx JSON (400 ×"), "\(outcome.measured)")
        #expect(outcome.measured.contains("413 ×"), "\(outcome.measured)")
    }

    @Test("A 500 fails, naming the request and its answer")
    func serverErrorFails() throws {
        let replies = try Self.replies(breaking: 5) { Self.reply($0, status: 500, body: #"{"error":"internal error"}"#) }
        let outcome = APIFuzzChecks.badRequests(replies)
        #expect(!outcome.passed)
        #expect(outcome.reason.contains("1 of 1000 answered 500 ×1, not 4xx"), "\(outcome.reason)")
        #expect(outcome.reason.contains(Self.requests[5].summary), "\(outcome.reason)")
    }

    @Test("A 400 naming NIOTooManyBytesError fails as a leak of an internal type")
    func internalNameFails() throws {
        let replies = try Self.replies(breaking: 0) {
            Self.reply($0, status: 400, body: #"{"error":"request body: NIOTooManyBytesError(maxBytes: Optional(1048576))"}"#)
        }
        let outcome = APIFuzzChecks.badRequests(replies)
        #expect(!outcome.passed)
        #expect(outcome.reason.contains("answered naming an internal type (Error(, NIO, Optional()"), "\(outcome.reason)")
    }

    @Test("A DecodingError dump fails as a leak of an internal type")
    func decodingDumpFails() throws {
        let dump =
            #"{"error":"request body: keyNotFound(CodingKeys(stringValue: \"a\", intValue: nil), Swift.DecodingError.Context(codingPath: []))"}"#
        let outcome = APIFuzzChecks.badRequests(try Self.replies(breaking: 1) { Self.reply($0, status: 400, body: dump) })
        #expect(!outcome.passed)
        for name in ["CodingKeys", "DecodingError", "Swift.", "codingPath", "keyNotFound"] {
            #expect(outcome.reason.contains(name), "\(name) in \(outcome.reason)")
        }
    }

    @Test("A 400 that is not JSON fails, whether the body or the Content-Type is wrong")
    func nonJSONFails() throws {
        let text = APIFuzzChecks.badRequests(
            try Self.replies(breaking: 2) { Self.reply($0, status: 400, body: "bad request", contentType: "text/plain") }
        )
        #expect(!text.passed && text.reason.contains("1 of 1000 answered without a JSON body"), "\(text.reason)")
        let untyped = APIFuzzChecks.badRequests(
            try Self.replies(breaking: 2) { Self.reply($0, status: 400, body: #"{"error":"x"}"#, contentType: nil) }
        )
        #expect(!untyped.passed && untyped.reason.contains("without a JSON body"), "\(untyped.reason)")
        let empty = APIFuzzChecks.badRequests(try Self.replies(breaking: 2) { Self.reply($0, status: 400, body: "") })
        #expect(!empty.passed && empty.reason.contains("without a JSON body"), "\(empty.reason)")
    }

    @Test("A 400 for a body over the limit fails: it must be 413")
    func overLimitNot413Fails() throws {
        let replies = try Self.replies { Self.reply($0, status: 400, body: #"{"error":"request body: not valid JSON"}"#) }
        let outcome = APIFuzzChecks.badRequests(replies)
        #expect(!outcome.passed)
        #expect(outcome.reason.contains("with a body over 1048576 bytes not answered 413"), "\(outcome.reason)")
        #expect(!outcome.reason.contains("not 4xx"), "\(outcome.reason)")
    }

    @Test("A request with no answer, or fewer requests than the requirement's count, fails")
    func missingAnswersFail() throws {
        let unanswered = try Self.replies(breaking: 3) { APIFuzzReply(request: $0, failure: "timed out after 10 s") }
        let outcome = APIFuzzChecks.badRequests(unanswered)
        #expect(!outcome.passed && outcome.reason.contains("1 of 1000 got no answer"), "\(outcome.reason)")
        #expect(outcome.reason.contains("timed out after 10 s"), "\(outcome.reason)")
        let short = APIFuzzChecks.badRequests(Array(Self.requests.prefix(999)).map(Self.goodReply))
        #expect(!short.passed && short.reason.contains("999 requests sent, expected 1000"), "\(short.reason)")
        let withinLimit = APIFuzzChecks.badRequests(Self.requests.filter { !$0.isOverLimit }.map(Self.goodReply), expected: 10)
        #expect(!withinLimit.passed && withinLimit.reason.contains("no body over the limit"), "\(withinLimit.reason)")
    }

    @Test("Afterwards: passes when the api was not restarted and reads well; fails on a restart or a failed reading")
    func aftermath() {
        let reading = HTTPReply(
            request: "GET http://127.0.0.1:8000/api/oracle/reading?datetime=2026-02-06T01:15:00%2B08:00",
            status: 200,
            body: Data(#"{"fc60":{"cycle":58}}"#.utf8),
            elapsed: .milliseconds(5)
        )
        let calm = APIFuzzChecks.aftermath(restartCounts: (0, 0), reading: reading)
        #expect(calm.passed && calm.id == Requirements.secAPIFuzz.id, "\(calm.reason)")
        let restarted = APIFuzzChecks.aftermath(restartCounts: (0, 1), reading: reading)
        #expect(!restarted.passed && restarted.reason.contains("restart count 0 before, 1 after"), "\(restarted.reason)")
        let down = HTTPReply(request: reading.request, status: 503, body: Data(#"{"error":"oracle unavailable"}"#.utf8), elapsed: .seconds(1))
        let broken = APIFuzzChecks.aftermath(restartCounts: (2, 2), reading: down)
        #expect(!broken.passed && broken.reason.contains("a good reading afterwards"), "\(broken.reason)")
    }
}
