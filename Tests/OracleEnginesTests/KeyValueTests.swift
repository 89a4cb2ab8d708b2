import Testing

@testable import OracleEngines

@Suite("256-bit key values")
struct KeyValueTests {
    @Test(
        "Hex parses either case and formats lowercase without leading zeros",
        arguments: [
            ("0x0", "0x0"), ("0x00000", "0x0"), ("0X1F", "0x1f"), ("0xDeadBeef", "0xdeadbeef"),
            ("0x20000000000000000", "0x20000000000000000"),
            ("0x" + String(repeating: "f", count: 64), "0x" + String(repeating: "f", count: 64)),
        ]
    )
    func hexRoundTrip(text: String, formatted: String) throws {
        let value = try #require(KeyValue(hex: text))
        #expect(value.hex == formatted)
        #expect(value.description == formatted)
    }

    @Test(
        "Hex without 0x, with other characters, empty or over 256 bits is rejected",
        arguments: [
            "", "0x", "ff", "x1", "0x-1", "0x1g", "0x 1", " 0x1", "0x1_000", "1x10",
            "0x1" + String(repeating: "0", count: 64),
        ]
    )
    func hexRejectsMalformed(text: String) {
        #expect(KeyValue(hex: text) == nil)
    }

    @Test("Addition and subtraction carry across 64-bit limbs")
    func arithmeticCarries() throws {
        let maxWord = KeyValue(UInt64.max)
        let carried = maxWord + 1
        #expect(carried.hex == "0x10000000000000000")
        #expect(carried - 1 == maxWord)
        #expect(KeyValue.powerOfTwo(160) - 1 == (try #require(KeyValue(hex: "0x" + String(repeating: "f", count: 40)))))
        #expect((KeyValue.powerOfTwo(200) + KeyValue.powerOfTwo(3)) - KeyValue.powerOfTwo(200) == 8)
    }

    @Test("Comparison orders by the most significant limb")
    func comparison() {
        #expect(KeyValue.powerOfTwo(64) > KeyValue(UInt64.max))
        #expect(KeyValue(3) < KeyValue(4))
        #expect(!(KeyValue(4) < KeyValue(4)))
        #expect(KeyValue.zero < KeyValue.powerOfTwo(255))
    }

    @Test("Shifts move bits across limbs", arguments: [0, 1, 63, 64, 65, 127, 159, 200, 255])
    func shifts(exponent: Int) {
        #expect(KeyValue(1) << exponent == KeyValue.powerOfTwo(exponent))
        #expect(KeyValue.powerOfTwo(exponent) >> exponent == 1)
        #expect(KeyValue.powerOfTwo(exponent).significantBitCount == exponent + 1)
    }

    @Test("Shifting out of range gives zero")
    func shiftsOutOfRange() {
        #expect(KeyValue(1) << 256 == .zero)
        #expect(KeyValue.powerOfTwo(255) >> 256 == .zero)
        #expect((KeyValue(0b1011) << 62) >> 62 == 0b1011)
    }

    @Test("Random values stay inside the range and reach both ends")
    func randomStaysInRange() {
        var generator = SplitMix64(seed: 42)
        let small = KeyValue(5)...KeyValue(7)
        let draws = Set((0..<200).map { _ in KeyValue.random(in: small, using: &generator) })
        #expect(draws == [5, 6, 7])
        let wide = KeyValue.powerOfTwo(159)...(KeyValue.powerOfTwo(160) - 1)
        for _ in 0..<200 {
            #expect(wide.contains(KeyValue.random(in: wide, using: &generator)))
        }
        #expect(KeyValue.random(in: KeyValue(9)...KeyValue(9), using: &generator) == 9)
    }

    @Test("The same seed draws the same values")
    func randomIsReproducible() {
        var first = SplitMix64(seed: 7)
        var second = SplitMix64(seed: 7)
        let range = KeyValue.zero...KeyValue.powerOfTwo(100)
        #expect(KeyValue.random(in: range, using: &first) == KeyValue.random(in: range, using: &second))
    }
}
