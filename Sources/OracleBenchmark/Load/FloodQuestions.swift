/// The flood's questions: a call number, then a repeated sentence, cut to `length` characters; the Oracle takes up to
/// 2048, so every call is valid, and it logs each one in full at DEBUG.
struct FloodQuestions: Sendable {
    /// The sentence repeated to fill a question.
    static let filler = "Will the cosmic cycle favour the next range of keys today? "

    /// Characters in every question.
    let length: Int
    /// Enough copies of the filler for any question.
    private let body: String

    /// Questions of `length` characters (2,000 by default).
    init(length: Int = 2000) {
        self.length = length
        body = String(repeating: Self.filler, count: length / Self.filler.count + 1)
    }

    /// Question number `index`: "#index " and the filler, cut to `length` characters.
    func question(_ index: Int) -> String {
        String(("#\(index) " + body).prefix(length))
    }

    /// UTF-8 bytes of one question (every question is as long as the first).
    var bytesPerQuestion: Int { question(0).utf8.count }

    /// Calls needed to send at least `totalBytes` of question text; at least one.
    func calls(toSend totalBytes: Int) -> Int {
        max(1, (totalBytes + bytesPerQuestion - 1) / bytesPerQuestion)
    }
}
