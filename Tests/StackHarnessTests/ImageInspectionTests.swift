import Foundation
import StackHarness
import Testing

@Suite("docker image inspect and docker history")
struct ImageInspectionTests {
    @Test("postgres:15-bookworm")
    func postgres() throws {
        let image = try ImageInspection.decode(EngineSample.data("image-inspect-postgres.json"))
        #expect(image.size == 407_415_615)
        #expect(image.os == "linux")
        #expect(image.repoTags.contains("postgres:15-bookworm"))
        #expect(image.config.user == "")
        #expect(image.config.healthcheck == nil)
        #expect(image.config.exposedPorts == ["5432/tcp"])
        #expect(image.config.entrypoint == ["docker-entrypoint.sh"])
        #expect(image.config.cmd == ["postgres"])
        #expect(image.config.environment["PG_MAJOR"] == "15")
        #expect(image.created != nil)
    }

    @Test("an image health check's nanoseconds become durations")
    func healthcheck() throws {
        let json =
            #"{"Test":["CMD","/app/nps-oracle","healthcheck"],"Interval":10000000000,"Timeout":5000000000,"StartPeriod":30000000000,"Retries":3}"#
        let check = try DockerJSON.decoder().decode(HealthcheckSettings.self, from: Data(json.utf8))
        #expect(
            check
                == HealthcheckSettings(
                    test: ["CMD", "/app/nps-oracle", "healthcheck"],
                    interval: .seconds(10),
                    timeout: .seconds(5),
                    startPeriod: .seconds(30),
                    retries: 3
                )
        )
    }

    @Test("history lines with byte sizes")
    func history() throws {
        let steps = try ImageHistoryEntry.decodeLines(EngineSample.text("history-postgres.jsonl"))
        #expect(steps.count > 5)
        #expect(steps.first?.createdBy.contains("LABEL") == true)
        #expect(steps.reduce(0) { $0 + $1.size } > 100_000_000)
    }
}
