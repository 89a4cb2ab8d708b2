import Foundation
import StackHarness

/// The rules of SEC.apifuzz on what the api answered to the generated bad requests, and on the api afterwards.
package enum APIFuzzChecks {
    /// Text only a leak of the api's internals puts in an answer: Swift and NIO type names, and the words of a
    /// `DecodingError` dump. Generated requests hold none of it, so an answer quoting a request cannot match.
    package static let internalNames = [
        "Error(", "NIO", "Swift.", "DecodingError", "CodingKeys", "codingPath", "keyNotFound", "typeMismatch", "valueNotFound",
        "dataCorrupted", "debugDescription", "Optional(",
    ]
    /// How many failing requests a broken point quotes.
    private static let examples = 3

    /// SEC.apifuzz: every generated request was answered, with 4xx and a JSON body naming no internal type, and every
    /// body over the limit with 413; `expected` requests were sent, at least one of them over the limit.
    package static func badRequests(_ replies: [APIFuzzReply], expected: Int = Requirements.apiFuzzRequests) -> CheckOutcome {
        var points = RequirementPoints(Requirements.secAPIFuzz.id)
        points.expect(replies.count == expected, "\(replies.count) requests sent, expected \(expected)")
        let answered = replies.filter { $0.reply != nil }
        expect(replies.filter { $0.failure != nil }, of: replies, "got no answer", into: &points)

        let not4xx = answered.filter { !(400..<500).contains($0.reply?.status ?? 0) }
        expect(not4xx, of: answered, "answered \(statusCounts(not4xx)), not 4xx", into: &points)
        expect(answered.filter { !isJSON($0.reply) }, of: answered, "answered without a JSON body", into: &points)
        let leaking = answered.filter { !leaks($0.reply).isEmpty }
        let leaked = Set(leaking.flatMap { leaks($0.reply) }).sorted().joined(separator: ", ")
        expect(leaking, of: answered, "answered naming an internal type (\(leaked))", into: &points)

        let overLimit = replies.filter(\.request.isOverLimit)
        points.expect(!overLimit.isEmpty, "no body over the limit of \(Requirements.apiBodyLimit) bytes was sent")
        expect(
            overLimit.filter { $0.reply?.status != 413 },
            of: overLimit,
            "with a body over \(Requirements.apiBodyLimit) bytes not answered 413",
            into: &points
        )
        return points.outcome(
            summary:
                "\(answered.count) bad requests answered 4xx JSON (\(statusCounts(answered))), all \(overLimit.count) bodies over \(Requirements.apiBodyLimit) bytes 413, no internal type name"
        )
    }

    /// SEC.apifuzz afterwards: the api's container was not restarted, and a good reading through it still works.
    package static func aftermath(restartCounts: (before: Int, after: Int), reading: HTTPReply) -> CheckOutcome {
        var points = RequirementPoints(Requirements.secAPIFuzz.id)
        points.expect(
            restartCounts.after == restartCounts.before,
            "the api was restarted: restart count \(restartCounts.before) before, \(restartCounts.after) after"
        )
        let good = StackUseChecks.readingThroughAPI(reading)
        points.expect(good.passed, "a good reading afterwards: \(good.reason)")
        return points.outcome(summary: "the api not restarted (restart count \(restartCounts.after)); a good reading afterwards: \(good.measured)")
    }

    /// The internal names in `reply`'s body.
    package static func leaks(_ reply: HTTPReply?) -> [String] {
        guard let text = reply?.text else { return [] }
        return internalNames.filter { text.contains($0) }
    }

    /// Whether `reply` says its body is JSON and it is.
    private static func isJSON(_ reply: HTTPReply?) -> Bool {
        guard let reply, let type = reply.contentType?.lowercased() else { return false }
        let mediaType = type.split(separator: ";").first?.trimmingCharacters(in: .whitespaces) ?? ""
        return (mediaType == "application/json" || mediaType.hasSuffix("+json")) && reply.json != nil
    }

    /// One point: none of `all` is in `failing`; a broken one counts them, says `what` is wrong, and quotes a few.
    private static func expect(
        _ failing: [APIFuzzReply],
        of all: [APIFuzzReply],
        _ what: @autoclosure () -> String,
        into points: inout RequirementPoints
    ) {
        points.expect(
            failing.isEmpty,
            "\(failing.count) of \(all.count) \(what()), e.g. \(failing.prefix(examples).map(describe).joined(separator: "; "))"
        )
    }

    /// "POST /api/oracle/suggest-range (deep nesting, 40 bytes) → 500 {"error":…}", the body cut to 160 characters.
    private static func describe(_ reply: APIFuzzReply) -> String {
        guard let answer = reply.reply else { return "\(reply.request.summary) → no answer: \(reply.failure ?? "")" }
        let text = answer.text.count > 160 ? answer.text.prefix(160) + "…" : answer.text
        return "\(reply.request.summary) → \(answer.status) \(answer.contentType ?? "no Content-Type") \(text)"
    }

    /// "400 ×870, 404 ×60", by status.
    private static func statusCounts(_ replies: [APIFuzzReply]) -> String {
        Dictionary(grouping: replies.compactMap { $0.reply?.status }, by: { $0 }).sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value.count)" }
            .joined(separator: ", ")
    }
}
