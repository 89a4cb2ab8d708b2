import CheckpointRules
import StackHarness
import Testing

/// CP5.down's rule on engine events captured from a real engine.
@Suite("Shutdown rules (CP5.down) on captured engine events")
struct ShutdownRules {
    @Test("CP5.down fails for a container the engine had to SIGKILL after SIGTERM (kill 15, kill 9, die 137)")
    func killedContainer() throws {
        let stops = ContainerStop.fromEvents(try EngineEvent.decodeLines(EngineSample.text("events.jsonl")))
        let stop = try #require(stops.first { $0.container == "harness-sample" })
        #expect(stop.signals == ["15", "9"])
        #expect(stop.exitCode == 137)
        let outcome = ShutdownChecks.gracefulStops(stops, expected: ["harness-sample"])
        #expect(!outcome.passed)
        #expect(outcome.id == Requirements.cp5Down.id)
        #expect(outcome.reason.contains("harness-sample not clean: SIGKILL sent"), "\(outcome.reason)")
    }

    @Test("CP5.down names a container that has no stop events at all")
    func missingContainer() throws {
        let stops = ContainerStop.fromEvents(try EngineEvent.decodeLines(EngineSample.text("events.jsonl")))
        let outcome = ShutdownChecks.gracefulStops(stops, expected: ["harness-sample", "nps-oracle"])
        #expect(outcome.reason.contains("no kill or die event for nps-oracle"), "\(outcome.reason)")
    }

    @Test("a clean stop is exit 0 without SIGKILL; 137 and 143 are not clean")
    func cleanReasons() {
        func stop(signals: [String], exit: Int?) -> ContainerStop {
            ContainerStop(container: "c", signals: signals, firstSignalAt: nil, diedAt: nil, exitCode: exit)
        }
        #expect(ShutdownChecks.uncleanReason(stop(signals: ["15"], exit: 0)) == nil)
        #expect(ShutdownChecks.uncleanReason(stop(signals: ["15"], exit: 143)) == "exit 143 (died of SIGTERM without shutting down)")
        #expect(ShutdownChecks.uncleanReason(stop(signals: [], exit: 137)) == "exit 137 (killed by SIGKILL)")
        #expect(ShutdownChecks.uncleanReason(stop(signals: ["15", "9"], exit: 0))?.hasPrefix("SIGKILL sent") == true)
    }
}
