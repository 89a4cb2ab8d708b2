/// What the api answered to one generated bad request (SEC.apifuzz), or why no answer came.
package struct APIFuzzReply: Sendable {
    /// The request sent.
    package let request: BadAPIRequest
    /// The answer; nil when none came.
    package let reply: HTTPReply?
    /// Why no answer came (refused, reset, timed out, not sent in time); nil when one did.
    package let failure: String?

    /// The api's answer to `request`.
    package init(request: BadAPIRequest, reply: HTTPReply) {
        self.request = request
        self.reply = reply
        self.failure = nil
    }

    /// No answer to `request`, for the reason `failure`.
    package init(request: BadAPIRequest, failure: String) {
        self.request = request
        self.reply = nil
        self.failure = failure
    }
}
