import StackHarness
import Testing

@Suite("Go and Compose durations")
struct DurationParsingTests {
    @Test(
        "Go duration strings",
        arguments: [
            ("1m30s", Duration.seconds(90)),
            ("10s", .seconds(10)),
            ("500ms", .milliseconds(500)),
            ("1h2m3s", .seconds(3723)),
            ("1.5s", .milliseconds(1500)),
            ("250us", .microseconds(250)),
            ("250µs", .microseconds(250)),
            ("10ns", .nanoseconds(10)),
            ("0s", .zero),
        ]
    )
    func goStrings(text: String, expected: Duration) {
        #expect(Duration(goDuration: text) == expected)
    }

    @Test("a bare integer is nanoseconds")
    func nanoseconds() {
        #expect(Duration(goDuration: "10000000000") == .seconds(10))
        #expect(Duration(goDuration: "0") == .zero)
    }

    @Test("text that is not a duration gives nil", arguments: ["s", "10x", "1m30", "-5s", "ten seconds"])
    func rejects(text: String) {
        #expect(Duration(goDuration: text) == nil)
    }

    @Test("an empty string is not a duration")
    func empty() {
        #expect(Duration(goDuration: "") == nil)
    }

    @Test("seconds and nanoseconds views")
    func views() {
        #expect(Duration.milliseconds(1500).inSeconds == 1.5)
        #expect(Duration.seconds(2).inNanoseconds == 2_000_000_000)
    }
}
