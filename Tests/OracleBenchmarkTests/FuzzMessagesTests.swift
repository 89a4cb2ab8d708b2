import OracleAPI
import OracleEngines
import SwiftProtobuf
import Testing

@testable import OracleBenchmark

/// The fuzz's messages without a server: the same for a seed, every kind made, each kind's damage as described.
@Suite("oracle-benchmark load: fuzzed messages and input probes")
struct FuzzMessagesTests {
    @Test("message i is the same for the same seed and differs for another; the kinds come in their shares")
    func deterministic() throws {
        let one = try FuzzMessages(seed: 1)
        let again = try FuzzMessages(seed: 1)
        let other = try FuzzMessages(seed: 2)
        #expect((0..<200).allSatisfy { one.message($0).bytes == again.message($0).bytes })
        #expect((0..<200).contains { one.message($0).bytes != other.message($0).bytes })
        let kinds = Dictionary(grouping: 0..<4_000, by: FuzzMessages.kind).mapValues(\.count)
        #expect(kinds[.huge] == 10 && kinds[.randomBytes] == 1_200 && kinds[.deeplyRepeated] == 400 - 10)
        #expect(Set(kinds.keys) == Set(FuzzMessage.Kind.allCases))
    }

    @Test("varints encode seven bits a byte, low first; UInt64.max takes ten bytes")
    func varints() {
        #expect(FuzzMessages.varint(0) == [0])
        #expect(FuzzMessages.varint(300) == [0xAC, 0x02])
        #expect(FuzzMessages.varint(UInt64.max).count == 10)
        #expect(FuzzMessages.field(9, wireType: 2) == [0x4A])
    }

    @Test("invalid UTF-8 in a string field of SessionData (1, 7, 8, a map key of 9) is refused by the decoder; a huge string is as long as it says")
    func damage() throws {
        var random = SplitMix64(seed: 3)
        for _ in 0..<20 {
            let invalid = FuzzMessages.invalidString(using: &random)
            #expect(throws: (any Error).self) { _ = try Nps_Oracle_SessionData(serializedBytes: invalid) }
        }
        let messages = try FuzzMessages(seed: 1)
        let huge = messages.message(399)
        #expect(huge.kind == .huge && FuzzMessages.hugeSizes.contains { huge.bytes.count > $0 && huge.bytes.count < $0 + 10 })
    }

    @Test("input probes cover each string field at each size, the repeated fields' counts and the idempotency-key")
    func probes() throws {
        let probes = try InputLimitProbe.all(sizes: InputLimitProbe.sizes(upTo: 100_000))
        let fields = Set(probes.map { "\($0.method.method) \($0.field)" })
        #expect(fields.count == 13)
        #expect(probes.filter { $0.field == "name" }.map(\.bytes) == [60, 300, 100_000])
        let name = try Nps_Oracle_NameRequest(serializedBytes: probes.first { $0.field == "name" && $0.bytes == 300 }!.request)
        #expect(name.name == String(repeating: "Z", count: 300))
    }
}
