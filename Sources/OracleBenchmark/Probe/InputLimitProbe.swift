import GRPCCore
import OracleAPI
import SwiftProtobuf

/// One oversized value in one request field, for `load --input-limits`: the RPC, the field the answer must name, and
/// the request carrying the value.
struct InputLimitProbe: Sendable {
    /// The byte the probes fill values with, so the answer's longest run of it is how much input the message quotes.
    static let filler: Character = "Z"
    /// The sizes a `--input-limits B` run sends each string field: 60 bytes (within every limit, so an unparsable
    /// value is quoted), 300 (over the small limits) and `bytes`.
    static func sizes(upTo bytes: Int) -> [Int] { [60, 300, bytes] }
    /// The sizes for the idempotency-key metadata: an HTTP/2 header block is bounded by the transport long before 100 KB.
    static let metadataSizes = [300, 8_000]

    /// The RPC.
    let method: MethodDescriptor
    /// The name the INVALID_ARGUMENT message starts with.
    let field: String
    /// The value's size in bytes.
    let bytes: Int
    /// The serialized request.
    let request: [UInt8]
    /// The call's metadata.
    var metadata: Metadata = [:]

    /// Every probe: each string field at each of `sizes` (bytes), the repeated fields' counts just over their limits and
    /// far over, and the idempotency-key at `metadataSizes`.
    static func all(sizes: [Int]) throws -> [InputLimitProbe] {
        typealias Oracle = Nps_Oracle_OracleService.Method
        var probes: [InputLimitProbe] = []
        func add<M: SwiftProtobuf.Message>(_ method: MethodDescriptor, _ field: String, _ build: (String) -> M) throws {
            for size in sizes {
                let value = String(repeating: filler, count: size)
                probes.append(InputLimitProbe(method: method, field: field, bytes: size, request: try build(value).serializedBytes()))
            }
        }
        try add(Oracle.GetReading.descriptor, "datetime") { value in Nps_Oracle_ReadingRequest.with { $0.datetime = value } }
        try add(Oracle.GetNameReading.descriptor, "name") { value in Nps_Oracle_NameRequest.with { $0.name = value } }
        try add(Oracle.GetQuestionSign.descriptor, "question") { value in Nps_Oracle_QuestionRequest.with { $0.question = value } }
        try add(Oracle.GetDailyInsight.descriptor, "date") { value in Nps_Oracle_DateRequest.with { $0.date = value } }
        try add(Oracle.GetTimingAlignment.descriptor, "datetime") { value in Nps_Oracle_TimingRequest.with { $0.datetime = value } }
        try add(Oracle.SuggestRange.descriptor, "scanned_ranges[0]") { value in Nps_Oracle_RangeRequest.with { $0.scannedRanges = [value] } }
        for (field, set) in [
            ("session_id", \Nps_Oracle_SessionData.sessionID), ("mode", \Nps_Oracle_SessionData.mode), ("model", \Nps_Oracle_SessionData.model),
        ] {
            try add(Oracle.AnalyzeSession.descriptor, field) { value in Nps_Oracle_SessionData.with { $0[keyPath: set] = value } }
        }
        try add(Oracle.AnalyzeSession.descriptor, "extra") { value in Nps_Oracle_SessionData.with { $0.extra = [value: "v"] } }
        try add(Oracle.AnalyzeSession.descriptor, "extra[k]") { value in Nps_Oracle_SessionData.with { $0.extra = ["k": value] } }
        // The repeated fields: one entry more than their limits (10,000 ranges, 64 extra entries), far more too.
        for count in [10_001, 50_000] {
            let ranges = Nps_Oracle_RangeRequest.with { $0.scannedRanges = Array(repeating: "0x1-0x2", count: count) }
            probes.append(
                InputLimitProbe(method: Oracle.SuggestRange.descriptor, field: "scanned_ranges", bytes: count, request: try ranges.serializedBytes())
            )
        }
        for count in [65, 5_000] {
            let session = Nps_Oracle_SessionData.with { $0.extra = Dictionary(uniqueKeysWithValues: (0..<count).map { ("k\($0)", "v") }) }
            probes.append(
                InputLimitProbe(method: Oracle.AnalyzeSession.descriptor, field: "extra", bytes: count, request: try session.serializedBytes())
            )
        }
        for size in metadataSizes {
            var metadata = Metadata()
            metadata.addString(String(repeating: filler, count: size), forKey: "idempotency-key")
            let request: [UInt8] = try Nps_Oracle_RangeRequest.with { $0.puzzleNumber = 66 }.serializedBytes()
            probes.append(
                InputLimitProbe(method: Oracle.SuggestRange.descriptor, field: "idempotency-key", bytes: size, request: request, metadata: metadata)
            )
        }
        return probes
    }

    /// The probe's answer.
    func run(_ call: RawCall) async -> InputLimitAnswer {
        let (code, message) = await call.status(of: method, bytes: request, metadata: metadata)
        var longest = 0
        var run = 0
        for character in message {
            run = character == Self.filler ? run + 1 : 0
            longest = max(longest, run)
        }
        return InputLimitAnswer(
            rpc: method.method,
            field: field,
            bytes: bytes,
            status: code,
            messageBytes: message.utf8.count,
            quotedBytes: longest,
            message: String(message.prefix(300))
        )
    }
}
