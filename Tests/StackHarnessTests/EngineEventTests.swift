import Foundation
import Testing

@testable import StackHarness

@Suite("docker events --format '{{json .}}'")
struct EngineEventTests {
    @Test("container events with nanosecond times")
    func events() throws {
        let events = try EngineEvent.decodeLines(EngineSample.text("events.jsonl"))
        #expect(events.first?.action == "create")
        #expect(events.allSatisfy { $0.type == "container" && $0.actorName == "harness-sample" })
        let healthy = try #require(events.first { $0.action == "health_status: healthy" })
        let start = try #require(events.first { $0.action == "start" })
        #expect(healthy.timeNano > start.timeNano)
        #expect(healthy.date > start.date)
        #expect(events.map(\.timeNano) == events.map(\.timeNano).sorted())
        let died = try #require(events.first { $0.action == "die" })
        #expect(died.attributes["exitCode"] == "137")
    }

    @Test("--since and --until take Unix seconds with nine fraction digits")
    func timestamps() {
        #expect(DockerCLI.unixTimestamp(Date(timeIntervalSince1970: 1_795_924_898.5)) == "1795924898.500000000")
        #expect(DockerCLI.unixTimestamp(Date(timeIntervalSince1970: 1_795_924_898)) == "1795924898.000000000")
    }

    @Test("a line that is not an event names its line number")
    func badLine() {
        #expect {
            try EngineEvent.decodeLines("\n{\"nonsense\": true}\n")
        } throws: { error in
            String(describing: error).contains("line 2")
        }
    }
}
