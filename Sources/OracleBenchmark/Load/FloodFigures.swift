/// What `--flood-bytes B` adds to the batch summary: how many GetQuestionSign calls and how much question text, how fast.
struct FloodFigures: Encodable, Sendable, Equatable {
    /// Calls made.
    let requests: Int
    /// UTF-8 bytes of each question.
    let questionBytes: Int
    /// Bytes of question text sent in all: `requests` × `question_bytes`.
    let requestBytes: Int
    /// `request_bytes` per second of the batch's wall time; 0 when no time passed.
    let bytesPerSecond: Double

    /// The figures of `requests` calls with questions of `questionBytes` each, sent in `wallSeconds`.
    init(requests: Int, questionBytes: Int, wallSeconds: Double) {
        self.requests = requests
        self.questionBytes = questionBytes
        requestBytes = requests * questionBytes
        bytesPerSecond = wallSeconds > 0 ? Double(requestBytes) / wallSeconds : 0
    }
}
