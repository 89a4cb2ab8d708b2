import CheckpointRules
import Foundation
import StackHarness
import Testing

/// Checkpoint 5's and CP4.services' rules on what a real start and stop of this stack left: the engine's events
/// of `docker compose up -d --wait` and `down`, and the five containers' inspections once healthy.
@Suite("Stack rules (CP5, CP4.services) on a captured start and stop of the stack")
struct StackRules {
    /// The events of the captured `up`, with `edit` applied to each line's JSON first.
    private func upEvents(editing edit: (inout [String: Any]) -> Void = { _ in }) throws -> [EngineEvent] {
        let lines = try EngineSample.text("nps-up-events.jsonl").split(separator: "\n").map { line in
            var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            edit(&object)
            return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }
        return try EngineEvent.decodeLines(lines.joined(separator: "\n"))
    }

    private func name(_ object: [String: Any]) -> String? {
        ((object["Actor"] as? [String: Any])?["Attributes"] as? [String: Any])?["name"] as? String
    }

    @Test("CP5.order holds for the captured start: postgres, oracle and scanner together, api, web-ui")
    func orderHolds() throws {
        let events = try upEvents()
        let origin = try #require(events.first?.date)
        let outcome = StartupChecks.startOrder(ServiceTimeline.fromEvents(events), upStartedAt: origin)
        #expect(outcome.passed, "\(outcome.reason)")
        #expect(outcome.id == Requirements.cp5Order.id)
    }

    @Test("CP5.order fails naming web-ui when it starts before the api is healthy")
    func orderBroken() throws {
        let apiStart = try #require(
            try upEvents().first { $0.action == "start" && $0.actorName == "nps-api" }?.timeNano
        )
        let events = try upEvents { object in
            if object["Action"] as? String == "start", name(object) == "nps-web-ui" { object["timeNano"] = apiStart }
        }
        let origin = try #require(events.first?.date)
        let outcome = StartupChecks.startOrder(ServiceTimeline.fromEvents(events), upStartedAt: origin)
        #expect(!outcome.passed)
        #expect(outcome.reason.hasPrefix("web-ui started"), "\(outcome.reason)")
        #expect(outcome.reason.contains("before api was healthy"), "\(outcome.reason)")
    }

    @Test("CP5.down holds for the captured down: each container exited 0 after its signal, well within the limit")
    func downHolds() throws {
        let stops = ContainerStop.fromEvents(try EngineEvent.decodeLines(EngineSample.text("nps-down-events.jsonl")))
        #expect(Set(stops.map(\.container)) == Set(StackServices.all.map(StackServices.container)))
        let outcome = ShutdownChecks.gracefulStops(stops, expected: StackServices.all.map(StackServices.container))
        #expect(outcome.passed, "\(outcome.reason)")
        for stop in stops {
            let duration = try #require(stop.stopDuration)
            #expect(duration < Requirements.stopLimit, "\(stop.container) took \(duration.secondsText)")
        }
    }

    @Test("CP4.services (engine) holds for the five captured inspections, each last probe printing what it reached")
    func engineHealthHolds() throws {
        let all = try DockerJSON.decoder().decode([ContainerInspection].self, from: EngineSample.data("nps-inspect-healthy.json"))
        let byService = Dictionary(uniqueKeysWithValues: all.map { (String($0.name.dropFirst("nps-".count)), $0) })
        #expect(byService.keys.sorted() == StackServices.all.sorted())
        let outcome = HealthChecks.engineHealth(byService)
        #expect(outcome.passed, "\(outcome.reason)")
        #expect(outcome.id == Requirements.cp4ServicesEngine.id)
    }

    @Test("CP4.services (engine) fails when a probe reached something else: the api's output under the Oracle's name")
    func engineHealthWrongTarget() throws {
        let all = try DockerJSON.decoder().decode([ContainerInspection].self, from: EngineSample.data("nps-inspect-healthy.json"))
        var byService = Dictionary(uniqueKeysWithValues: all.map { (String($0.name.dropFirst("nps-".count)), $0) })
        byService["oracle"] = byService["api"]
        let outcome = HealthChecks.engineHealth(byService)
        #expect(!outcome.passed)
        #expect(outcome.reason.contains(#"without "\"service\":\"oracle\"""#), "\(outcome.reason)")
    }

    @Test("CP5.logs and CP5.clean hold for the Oracle's captured start; a missing line or an error line fails them")
    func oracleStartLog() throws {
        let text = try EngineSample.text("nps-oracle-stdout.log")
        #expect(StartupChecks.oracleStartupLines(JSONLogLines(text: text)).passed)
        #expect(StartupChecks.errorLines(in: text).isEmpty)

        let withoutDatabase = text.split(separator: "\n").filter { !$0.contains("Connected to database") }.joined(separator: "\n")
        let missing = StartupChecks.oracleStartupLines(JSONLogLines(text: withoutDatabase))
        #expect(!missing.passed && missing.reason.contains(#"no line with message "Connected to database""#), "\(missing.reason)")

        let failing = text + #"{"time":"2026-12-04T19:10:16.000Z","level":"error","message":"boom"}"# + "\n"
        #expect(StartupChecks.errorLines(in: failing).count == 1)
        let clean = StartupChecks.cleanStart(["oracle": failing], talkative: ["oracle"])
        #expect(!clean.passed && clean.reason.hasPrefix("oracle: 1 error line(s)"), "\(clean.reason)")
    }

    @Test("OBS.json holds for the captured lines and fails naming the plain-text line among them")
    func jsonLines() throws {
        let text = try EngineSample.text("nps-oracle-stdout.log")
        #expect(ObservabilityChecks.jsonLines(text, source: "stdout").passed)
        let mixed = text + "Oracle started (plain text)\n"
        let outcome = ObservabilityChecks.jsonLines(mixed, source: "stdout")
        #expect(!outcome.passed)
        #expect(outcome.reason.contains("lines 6 are not JSON objects"), "\(outcome.reason)")
    }

    @Test("CP4.instruction holds for the captured Oracle image and fails for an image without a HEALTHCHECK")
    func healthcheckInstruction() throws {
        let oracle = try ImageInspection.decode(EngineSample.data("nps-oracle-image-inspect.json"))
        let held = ImageChecks.healthcheckInstruction(oracle)
        #expect(held.passed, "\(held.reason)")
        #expect(held.id == Requirements.cp4Instruction.id)
        let postgres = try ImageInspection.decode(EngineSample.data("image-inspect-postgres.json"))
        let broken = ImageChecks.healthcheckInstruction(postgres)
        #expect(!broken.passed && broken.reason.contains("has no HEALTHCHECK"), "\(broken.reason)")
    }

    @Test("CP1.size holds for the captured Oracle image")
    func imageSize() throws {
        let oracle = try ImageInspection.decode(EngineSample.data("nps-oracle-image-inspect.json"))
        let outcome = ImageChecks.size(oracle)
        #expect(outcome.passed, "\(outcome.reason)")
        #expect(Double(oracle.size) / 1e6 < Requirements.imageSizeLimitMB)
    }

    @Test("CP2.limits and SEC.limits (applied) hold for the captured containers, and name what differs from the declaration")
    func appliedLimits() throws {
        let all = try DockerJSON.decoder().decode([ContainerInspection].self, from: EngineSample.data("nps-inspect-healthy.json"))
        let byService = Dictionary(uniqueKeysWithValues: all.map { (String($0.name.dropFirst("nps-".count)), $0) })
        let captured = try CapturedDocument("compose-config.json")
        let config = try ComposeConfig(json: captured.json)
        let oracle = try #require(byService["oracle"])
        #expect(ComposeChecks.appliedOracleLimits(declared: config, applied: oracle.hostConfig).passed)
        let every = SecurityChecks.appliedLimits(config, containers: byService)
        #expect(every.passed, "\(every.reason)")

        let halved = captured.with(["services", "api", "deploy", "resources", "limits", "memory"], .string("67108864"))
        let broken = SecurityChecks.appliedLimits(try ComposeConfig(json: halved), containers: byService)
        #expect(!broken.passed)
        #expect(broken.reason.contains("nps-api Memory"), "\(broken.reason)")
    }
}
