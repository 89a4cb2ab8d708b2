import GRPCCore
import OracleAPI
import OracleEngines
import SwiftProtobuf

/// The requests of `load --fuzz N --seed S`: message `index` is the same for a seed in every run, so a failure found
/// once can be sent again. Each starts from a valid request of a random RPC, or from nothing.
struct FuzzMessages: Sendable {
    /// Sizes of the huge string fields: under and over the 1 MiB request limit, all within the transport's 4 MiB.
    static let hugeSizes = [100_000, 600_000, 1_100_000, 3_000_000]
    /// How often a string field is repeated, or groups nested, in deeply repeated messages.
    static let repeats = [100, 1_000, 10_001, 30_000]
    /// Byte sequences that are not UTF-8: a bad continuation, a lone 0xFF, a surrogate, an overlong slash, a cut-off sequence.
    static let invalidUTF8: [[UInt8]] = [[0xC3, 0x28], [0xFF], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE2, 0x82]]
    /// Varint values at the edges of every integer type the contract uses.
    static let extremeValues: [UInt64] = [0, 1, 0x7F, 0x80, 160, 161, UInt64(UInt32.max), 1 << 63, UInt64.max, UInt64(bitPattern: Int64.min)]

    /// The seed.
    let seed: UInt64
    /// One valid request per RPC, serialized.
    let valid: [(method: MethodDescriptor, bytes: [UInt8])]

    /// The generator for `seed`.
    init(seed: UInt64) throws {
        typealias Oracle = Nps_Oracle_OracleService.Method
        self.seed = seed
        valid = [
            (Oracle.GetReading.descriptor, try Nps_Oracle_ReadingRequest.fixedMoment.serializedBytes()),
            (Oracle.GetNameReading.descriptor, try Nps_Oracle_NameRequest.with { $0.name = "Ada Lovelace" }.serializedBytes()),
            (
                Oracle.GetQuestionSign.descriptor,
                try Nps_Oracle_QuestionRequest.with {
                    $0.question = "Will the key be found?"
                    $0.seed = 7
                }.serializedBytes()
            ),
            (Oracle.GetDailyInsight.descriptor, try Nps_Oracle_DateRequest.with { $0.date = "2026-02-06" }.serializedBytes()),
            (
                Oracle.SuggestRange.descriptor,
                try Nps_Oracle_RangeRequest.with {
                    $0.scannedRanges = ["0x20000000000000000-0x20000000000000fff"]
                    $0.puzzleNumber = 66
                }.serializedBytes()
            ),
            (
                Oracle.AnalyzeSession.descriptor,
                try Nps_Oracle_SessionData.with {
                    $0.sessionID = "fuzz"
                    $0.keysTested = 1_000
                    $0.speed = 10
                    $0.elapsed = 100
                    $0.mode = "random"
                    $0.model = "none"
                    $0.extra = ["a": "b"]
                }.serializedBytes()
            ),
            (Oracle.GetTimingAlignment.descriptor, try Nps_Oracle_TimingRequest.with { $0.datetime = "2026-02-06T01:15:00+08:00" }.serializedBytes()),
            (Oracle.HealthCheck.descriptor, []),
        ]
    }

    /// The kind of message `index` is: mostly random and mutated bytes, every 400th one huge.
    static func kind(_ index: Int) -> FuzzMessage.Kind {
        if index % 400 == 399 { return .huge }
        switch index % 10 {
        case 0, 1, 2: return .randomBytes
        case 3, 4, 5: return .mutated
        case 6: return .extremeVarints
        case 7: return .invalidUTF8
        case 8: return .mutated
        default: return .deeplyRepeated
        }
    }

    /// Message `index`.
    func message(_ index: Int) -> FuzzMessage {
        var random = SplitMix64(seed: seed ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
        let (method, valid) = self.valid[Int(random.next() % UInt64(self.valid.count))]
        let kind = Self.kind(index)
        let bytes: [UInt8]
        switch kind {
        case .randomBytes:
            bytes = (0..<Int(random.next() % 257)).map { _ in UInt8.random(in: 0...255, using: &random) }
        case .mutated:
            bytes = Self.mutate(valid, using: &random)
        case .extremeVarints:
            bytes = valid + Self.extremeVarints(using: &random)
        case .invalidUTF8:
            bytes = valid + Self.invalidString(using: &random)
        case .deeplyRepeated:
            bytes = Self.repeated(valid, using: &random)
        case .huge:
            let size = Self.hugeSizes[Int(random.next() % UInt64(Self.hugeSizes.count))]
            bytes = Self.field(1, wireType: 2) + Self.varint(UInt64(size)) + [UInt8](repeating: 0x41, count: size)
        }
        return FuzzMessage(method: method, bytes: bytes, kind: kind)
    }

    /// `bytes` with one to four bytes flipped, replaced, inserted or deleted, or cut off.
    static func mutate(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var mutated = bytes
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let at = mutated.isEmpty ? 0 : Int(random.next() % UInt64(mutated.count))
            switch random.next() % 5 {
            case 0 where !mutated.isEmpty: mutated[at] ^= UInt8(1 << (random.next() % 8))
            case 1 where !mutated.isEmpty: mutated[at] = UInt8.random(in: 0...255, using: &random)
            case 2: mutated.insert(UInt8.random(in: 0...255, using: &random), at: at)
            case 3 where !mutated.isEmpty: mutated.remove(at: at)
            default: mutated = Array(mutated.prefix(at))
            }
        }
        return mutated
    }

    /// A field holding an extreme varint, an overlong varint, a length far beyond the message, or an invalid wire type.
    static func extremeVarints(using random: inout SplitMix64) -> [UInt8] {
        let number = Int(random.next() % 12) + 1
        switch random.next() % 4 {
        case 0: return field(number, wireType: 0) + varint(extremeValues[Int(random.next() % UInt64(extremeValues.count))])
        case 1: return field(number, wireType: 0) + [UInt8](repeating: 0xFF, count: 11)
        case 2: return field(number, wireType: 2) + varint(random.next() % 2 == 0 ? UInt64.max : 0x7FFF_FFFF) + [0x41, 0x42]
        default: return varint(UInt64(number) << 3 | UInt64(6 + random.next() % 2)) + [0x01]
        }
    }

    /// A string field (1, 7, 8 or a map entry's key in field 9) holding bytes that are not UTF-8.
    static func invalidString(using random: inout SplitMix64) -> [UInt8] {
        let bad = [0x61] + invalidUTF8[Int(random.next() % UInt64(invalidUTF8.count))]
        let number = [1, 7, 8, 9][Int(random.next() % 4)]
        if number == 9 {
            let entry = field(1, wireType: 2) + varint(UInt64(bad.count)) + bad + field(2, wireType: 2) + [0x01, 0x76]
            return field(9, wireType: 2) + varint(UInt64(entry.count)) + entry
        }
        return field(number, wireType: 2) + varint(UInt64(bad.count)) + bad
    }

    /// `bytes` followed by field 1 (or map field 9) thousands of times, or by groups nested that deep.
    static func repeated(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        let count = repeats[Int(random.next() % UInt64(repeats.count))]
        switch random.next() % 3 {
        case 0:
            let range = Array("0x1-0x2".utf8)
            return bytes + Array([[UInt8]](repeating: field(1, wireType: 2) + varint(UInt64(range.count)) + range, count: count).joined())
        case 1:
            let entry = field(1, wireType: 2) + [0x01, 0x6B] + field(2, wireType: 2) + [0x01, 0x76]
            return bytes + Array([[UInt8]](repeating: field(9, wireType: 2) + varint(UInt64(entry.count)) + entry, count: count).joined())
        default:
            return bytes + Array([[UInt8]](repeating: field(15, wireType: 3), count: count).joined())
                + Array([[UInt8]](repeating: field(15, wireType: 4), count: count).joined())
        }
    }

    /// A field's tag.
    static func field(_ number: Int, wireType: UInt64) -> [UInt8] {
        varint(UInt64(number) << 3 | wireType)
    }

    /// `value` as a protobuf varint.
    static func varint(_ value: UInt64) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
        return bytes
    }
}
