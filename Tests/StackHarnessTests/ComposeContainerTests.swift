import Foundation
import StackHarness
import Testing

@Suite("docker compose ps --format json")
struct ComposeContainerTests {
    @Test("JSON lines, as Compose 2.21 and later print them")
    func jsonLines() throws {
        let containers = try ComposeContainer.decodeList(EngineSample.data("compose-ps.jsonl"))
        let sleeper = try #require(containers.first)
        #expect(containers.count == 1)
        #expect(sleeper.name == "harness-ps-sample-sleeper-1")
        #expect(sleeper.service == "sleeper")
        #expect(sleeper.project == "harness-ps-sample")
        #expect(sleeper.state == "running")
        #expect(sleeper.health == "healthy")
        #expect(sleeper.exitCode == 0)
        let port = try #require(sleeper.publishers.first)
        #expect(sleeper.publishers.count == 1)
        #expect(port.url == "127.0.0.1")
        #expect(port.targetPort == 80)
        #expect(port.publishedPort == 18090)
        #expect(port.protocol == "tcp")
    }

    @Test("one JSON array, as older Compose prints it")
    func jsonArray() throws {
        let line = try EngineSample.text("compose-ps.jsonl").trimmingCharacters(in: .whitespacesAndNewlines)
        let array = "[\(line),\(line)]"
        #expect(try ComposeContainer.decodeList(Data(array.utf8)).count == 2)
    }

    @Test("no containers")
    func empty() throws {
        #expect(try ComposeContainer.decodeList(Data()).isEmpty)
        #expect(try ComposeContainer.decodeList(Data("[]\n".utf8)).isEmpty)
    }
}
