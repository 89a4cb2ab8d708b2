import Foundation
import Testing

@testable import StackHarness

@Suite("Docker's JSON: Go field names, null or missing for empty, zero for unset")
struct DockerJSONTests {
    @Test(
        "keys become property names",
        arguments: [
            ("StartedAt", "startedAt"), ("OOMKilled", "oomKilled"), ("Id", "id"), ("ID", "id"), ("URL", "url"),
            ("RW", "rw"), ("HostIp", "hostIp"), ("NanoCpus", "nanoCpus"), ("timeNano", "timeNano"),
        ]
    )
    func propertyNames(key: String, name: String) {
        #expect(DockerJSON.propertyName(forKey: key) == name)
    }

    @Test("null or missing lists, maps, strings, numbers and flags read as empty")
    func emptyWhenNullOrMissing() throws {
        let json =
            #"[{"Id":"c1","Name":"/c1","State":{"Status":"created","StartedAt":"","FinishedAt":"0001-01-01T00:00:00Z"},"#
            + #""HostConfig":{},"Config":{"Env":null,"Labels":null},"Mounts":null,"NetworkSettings":{"Networks":null,"Ports":null}}]"#
        let inspection = try ContainerInspection.decode(Data(json.utf8))
        #expect(inspection.name == "c1")
        #expect(inspection.imageID == "")
        #expect(inspection.restartCount == 0)
        #expect(!inspection.state.running && !inspection.state.oomKilled)
        #expect(inspection.state.startedAt == nil && inspection.state.finishedAt == nil)
        #expect(inspection.hostConfig.nanoCpus == 0 && inspection.hostConfig.restartPolicy == nil)
        #expect(inspection.config.env.isEmpty && inspection.config.labels.isEmpty)
        #expect(inspection.mounts.isEmpty && inspection.networks.isEmpty && inspection.ports.isEmpty)
    }

    @Test("a health check's zero durations and retries mean the engine's defaults")
    func zeroMeansDefault() throws {
        let json = #"{"Test":null,"Interval":0,"Timeout":0,"StartPeriod":0,"Retries":0}"#
        let check = try DockerJSON.decoder().decode(HealthcheckSettings.self, from: Data(json.utf8))
        #expect(check == HealthcheckSettings(test: []))
        #expect(check.isDisabled)
    }

    @Test("a time that is not RFC 3339 fails the decode")
    func badTime() {
        let json = #"[{"Id":"i1","Size":1,"Created":"yesterday","Config":{}}]"#
        #expect(throws: DecodingError.self) { try ImageInspection.decode(Data(json.utf8)) }
    }
}
