/// An HTTP/1.1 request the slow abuses never finish: what goes at once, then bytes trickled one at a time for ever.
struct SlowRequest: Sendable, Equatable {
    /// The Content-Length a slow body announces: within the api's 1 MiB body limit, so nothing refuses it at once.
    static let announcedBodyBytes = 1_000_000

    /// Sent as soon as the connection is up.
    let upfront: [UInt8]
    /// Trickled first, one byte at a time.
    let trickled: [UInt8]
    /// Trickled after `trickled`, for as long as the connection lasts.
    let filler: UInt8

    /// Slowloris: the head of `GET /health` to `host`, a byte at a time, then a header value that grows by a byte each
    /// time; the blank line that would end the head never comes.
    static func slowloris(host: String) -> SlowRequest {
        SlowRequest(upfront: [], trickled: Array("GET /health HTTP/1.1\r\nHost: \(host)\r\nX-Slowloris: ".utf8), filler: UInt8(ascii: "a"))
    }

    /// A slow body: the whole head of a `POST /` announcing `announcedBodyBytes`, then the body a byte at a time.
    static func slowBody(host: String) -> SlowRequest {
        let head = "POST / HTTP/1.1\r\nHost: \(host)\r\nContent-Type: application/json\r\nContent-Length: \(announcedBodyBytes)\r\n\r\n"
        return SlowRequest(upfront: Array(head.utf8), trickled: [], filler: UInt8(ascii: " "))
    }

    /// The byte trickled `index`-th (from 0).
    func trickledByte(_ index: Int) -> UInt8 {
        index < trickled.count ? trickled[index] : filler
    }

    /// The status of the HTTP/1 response `bytes` start with ("HTTP/1.1 408 …" gives 408); nil before a whole status.
    static func responseStatus(_ bytes: [UInt8]) -> Int? {
        let words = String(decoding: bytes.prefix(32), as: UTF8.self).split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard words.count == 3, words[0].hasPrefix("HTTP/1."), words[1].count == 3 else { return nil }
        return Int(words[1])
    }
}
