/// The JSON line of `load --fuzz N`: how the Oracle answered the generated messages. The checkpoint rules judge the
/// statuses; the exit status only says whether every message got a gRPC status.
struct FuzzReport: LoadReport, Equatable {
    /// The mode's name.
    let mode = "fuzz"
    /// The seed the messages came from.
    let seed: UInt64
    /// Messages sent.
    var messages = 0
    /// Answers by status, as grpcio names it ("OK", "INVALID_ARGUMENT"; CLIENT_ERROR when the call got none).
    var statuses: [String: Int] = [:]
    /// Messages by kind.
    var kinds: [String: Int] = [:]
    /// The first answer of each status: "#index kind RPC: message", so it can be sent again with the same seed.
    var firstOfStatus: [String: String] = [:]
    /// From the first message's start to the last answer.
    var wallSeconds = 0.0

    /// Counts one answer.
    mutating func record(index: Int, _ message: FuzzMessage, status: String, text: String) {
        messages += 1
        statuses[status, default: 0] += 1
        kinds[message.kind.rawValue, default: 0] += 1
        if firstOfStatus[status] == nil {
            firstOfStatus[status] = "#\(index) \(message.kind.rawValue) \(message.method.method): \(String(text.prefix(300)))"
        }
    }

    /// 0 when every message was answered with a gRPC status, 1 when one's call failed another way.
    var exitStatus: Int32 { statuses[RawCall.clientError] == nil ? 0 : 1 }
}
