import Hummingbird

/// A request the api refuses before calling the Oracle: 400 naming the field at fault, or 413 for a body over the limit.
struct RequestError: Error, Equatable {
    /// The most bytes of a caller's text that one message quotes, so an error never echoes a large request back.
    static let quotedBytes = 64

    /// 400, or 413 for a body over the limit.
    let status: HTTPResponse.Status
    /// What is wrong, naming the field; it quotes at most `quotedBytes` of the caller's text.
    let message: String
    /// The JSON key or query parameter at fault, or nil for the request as a whole.
    let field: String?

    /// 400 saying `message` about `field`.
    static func badRequest(_ message: String, field: String? = nil) -> RequestError {
        RequestError(status: .badRequest, message: message, field: field)
    }

    /// 413 for a body over `limit` bytes.
    static func bodyTooLarge(limit: Int) -> RequestError {
        RequestError(status: .contentTooLarge, message: "request body: over the limit of \(limit) bytes", field: nil)
    }

    /// The JSON error response.
    var response: Response {
        JSONResponse.error(message, field: field, status: status)
    }

    /// `text` cut to at most `quotedBytes` of UTF-8 on a character boundary, "…" marking a cut: what a message may quote.
    static func quoted(_ text: some StringProtocol) -> String {
        guard text.utf8.count > quotedBytes else { return String(text) }
        var bytes = 0
        let kept = text.prefix { character in
            bytes += character.utf8.count
            return bytes <= quotedBytes
        }
        return kept + "…"
    }
}
