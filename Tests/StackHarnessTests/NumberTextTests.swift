import StackHarness
import Testing

/// How the report writes numbers.
@Suite("numbers in reports")
struct NumberTextTests {
    @Test(
        "compact text: whole numbers without a point, at most three fraction digits, no trailing zeros or point",
        arguments: [
            (12.0, "12"), (0.5, "0.5"), (1.2344, "1.234"), (6.0004, "6"), (-2.5, "-2.5"), (49.8333, "49.833"),
        ]
    )
    func compactText(_ value: Double, _ text: String) {
        #expect(value.compactText == text)
    }
}
