import Foundation

/// One generated request the api must refuse (SEC.apifuzz): what makes it bad, and the method, path with query,
/// headers and body that are sent.
package struct BadAPIRequest: Sendable, Hashable {
    /// What makes a request bad; each is built so that it stays bad however leniently the rest is read.
    package enum Defect: String, Sendable, CaseIterable {
        /// Not JSON: a stray comma, a missing colon, single quotes, NaN, a bad escape, text after the object.
        case brokenJSON = "broken JSON"
        /// A valid body cut short.
        case truncatedJSON = "truncated JSON"
        /// A string, bool, array or object where a number or a string array belongs, or no object at all.
        case wrongType = "wrong type"
        /// No `name`, or a scanned range without a bound.
        case missingField = "missing field"
        /// A key the request does not have.
        case extraField = "extra field"
        /// A number past uint32 or double, negative or fractional, a range bound past 256 bits.
        case hugeNumber = "huge number"
        /// Bytes that are not UTF-8, in a body or percent-encoded in a query.
        case invalidUTF8 = "invalid UTF-8"
        /// U+0000 in a body (raw or escaped) or in a query.
        case nulByte = "NUL byte"
        /// Arrays or objects nested 17 to 100,000 deep.
        case deepNesting = "deep nesting"
        /// A body just over the api's limit.
        case overLimit = "body over the limit"
        /// A malformed, too long or repeated `datetime` or `name`.
        case badQuery = "bad query parameter"
        /// A path no route has.
        case unknownPath = "unknown path"
        /// A method the route does not answer.
        case wrongMethod = "wrong method"
        /// An `Idempotency-Key` with a space or over 128 bytes.
        case badHeader = "bad Idempotency-Key"
    }

    /// What makes it bad.
    package let defect: Defect
    /// The HTTP method, e.g. "POST".
    package let method: String
    /// The path and query, every query byte outside the unreserved set percent-encoded, e.g. "/api/oracle/name?name=%00".
    package let pathAndQuery: String
    /// Header fields sent besides those the client adds itself.
    package let headers: [String: String]
    /// The body, nil for none.
    package let body: Data?

    /// Makes a request from its parts.
    package init(defect: Defect, method: String, pathAndQuery: String, headers: [String: String] = [:], body: Data? = nil) {
        self.defect = defect
        self.method = method
        self.pathAndQuery = pathAndQuery
        self.headers = headers
        self.body = body
    }

    /// Whether the body is over the api's limit, which SEC.apifuzz wants refused with 413.
    package var isOverLimit: Bool { (body?.count ?? 0) > Requirements.apiBodyLimit }

    /// "POST /api/oracle/suggest-range (truncated JSON, 27 bytes)", the path cut to 80 characters, for reports.
    package var summary: String {
        let path = pathAndQuery.count > 80 ? pathAndQuery.prefix(80) + "…" : pathAndQuery
        return "\(method) \(path) (\(defect.rawValue)\(body.map { ", \($0.count) bytes" } ?? ""))"
    }
}
