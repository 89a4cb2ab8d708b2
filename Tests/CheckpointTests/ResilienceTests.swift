import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

extension Checkpoints {
    /// Resilience: faults heal by themselves. Each test disturbs the stack and waits it back to healthy before it ends.
    @Suite("Resilience")
    struct Resilience {
        @Test(
            "REL.kill: the Oracle killed with SIGKILL (its host PID) is restarted by the engine, and the api and the scanner reach it again at whatever address it now has",
            arguments: [Requirements.relKill]
        )
        func relKill(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let oracle = StackServices.container("oracle")
            let before = try await stack.docker.inspectContainer(oracle)
            let pid = before.value.state.pid
            try #require(pid > 0, "\(oracle) has no running process to kill")
            let healthURL = try stack.oracleHealthURL()
            let readingURL = try stack.apiURL(Checkpoint5.readingPath)

            // Not `docker kill`: the engine counts that as a manual stop, and `unless-stopped` would not restart it.
            let killedAt = Date()
            try #require(kill(pid_t(pid), SIGKILL) == 0, "kill -9 \(pid) failed: errno \(errno)")
            // Both polls start at once, so each time is from the kill; the old process can no longer answer.
            async let health = HTTPFetch.poll(healthURL, until: { $0.status == 200 }, for: .seconds(30))
            async let api = HTTPFetch.poll(readingURL, until: { $0.status == 200 }, for: .seconds(45))
            async let scanner = Self.scannerLinkUp(after: killedAt, budget: .seconds(45))
            let (healthReply, healthWaited) = await health
            let (apiReply, apiWaited) = await api
            let scannerWaited = await scanner
            let healthy = try? await HealthWait(container: oracle, docker: stack.docker).untilHealthy(budget: .seconds(60))
            let after = try await stack.docker.inspectContainer(oracle)

            let network = Requirements.stackNetwork
            let recovery = KillRecovery(
                pids: (pid, after.value.state.pid),
                restartCounts: (before.value.restartCount, after.value.restartCount),
                addresses: (before.value.addresses[network] ?? "", after.value.addresses[network] ?? ""),
                healthAnswer: healthReply?.status == 200 ? healthWaited : nil,
                engineHealthy: healthy.map { .seconds($0.healthyAt.timeIntervalSince(killedAt)) },
                apiAnswer: apiReply?.status == 200 ? apiWaited : nil,
                scannerLinkUp: scannerWaited
            )
            try await prove(
                Measurement(
                    ResilienceChecks.killRecovery(recovery),
                    subject: "kill -9 of nps-oracle's host PID: restart, /health, engine health, a reading through the api, the scanner's link",
                    limit: requirement.limit,
                    measuredBy: after.result
                )
            )
            // The api and the scanner went unhealthy with the Oracle or not; either way the next test finds them healthy.
            try await stack.ensureRunning()
        }

        /// How long after `killedAt` the scanner logged "Oracle link up"; nil when it did not within `budget`.
        static func scannerLinkUp(after killedAt: Date, budget: Duration) async -> Duration? {
            let end = ContinuousClock.now + budget
            while ContinuousClock.now < end {
                if let logs = try? await Stack.shared.docker.logs(StackServices.container("scanner")) {
                    let up = JSONLogLines(text: logs.standardOutput).entries.compactMap { line in
                        line.message == "Oracle link up" ? line.time : nil
                    }
                    if let first = up.filter({ $0 > killedAt }).min() { return .seconds(first.timeIntervalSince(killedAt)) }
                }
                try? await Task.sleep(for: .milliseconds(500))
            }
            return nil
        }

        @Test(
            "REL.dbcrash: PostgreSQL killed with SIGKILL under load: /health says 503 within 3 s and 200 within 15 s of the database being healthy, and no reading fails",
            arguments: [Requirements.relDBCrash]
        )
        func relDBCrash(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let postgres = StackServices.container("postgres")
            let before = try await stack.docker.inspectContainer(postgres).value
            let load = try await ReadingLoad()
            try await Task.sleep(for: .seconds(1))

            let killedAt = Date()
            let poller = HealthPoller(url: try stack.oracleHealthURL(), since: killedAt)
            try #require(kill(pid_t(before.state.pid), SIGKILL) == 0, "kill -9 \(before.state.pid) failed: errno \(errno)")
            // The engine restarts it (a new process, whose probe starts over), then calls it healthy.
            var restarted = false
            for _ in 0..<60 where !restarted {
                try await Task.sleep(for: .milliseconds(500))
                restarted = (try? await stack.docker.inspectContainer(postgres).value.restartCount).map { $0 > before.restartCount } ?? false
            }
            let healthyAt = try? await HealthWait(container: postgres, docker: stack.docker).untilHealthy(budget: .seconds(60)).healthyAt
            let sinceKill = healthyAt.map { Duration.seconds($0.timeIntervalSince(killedAt)) }
            for _ in 0..<200 {
                if let sinceKill, poller.samples.contains(where: { $0.at > sinceKill && $0.status == 200 }) { break }
                try await Task.sleep(for: .milliseconds(100))
            }
            let polls = await poller.stop()
            let readings = await load.stop()
            let after = try await stack.docker.inspectContainer(postgres)

            let healthyAgain = sinceKill.flatMap { offset in polls.first { $0.at > offset && $0.status == 200 }.map { $0.at - offset } }
            try await prove(
                Measurement(
                    ResilienceChecks.databaseCrash(
                        DatabaseCrashRecovery(
                            restarted: restarted,
                            unhealthy: polls.first { $0.status == 503 }?.at,
                            healthyAgain: healthyAgain,
                            readings: readings
                        )
                    ),
                    subject: "kill -9 of nps-postgres's host PID during GetReading rounds: /health every 100 ms",
                    limit: requirement.limit,
                    measuredBy: after.result
                )
            )
            try await stack.ensureRunning()
        }

        @Test(
            "REL.dbhang: PostgreSQL paused (answering nothing): /health keeps answering within 2 s with 503, and no reading fails",
            arguments: [Requirements.relDBHang]
        )
        func relDBHang(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let load = try await ReadingLoad()
            let pausedAt = Date()
            let pause = try await stack.docker.run(["pause", StackServices.container("postgres")], timeout: .seconds(60))
            let poller = HealthPoller(url: try stack.oracleHealthURL(), since: pausedAt)
            try await Task.sleep(for: .seconds(12))
            let polls = await poller.stop()
            let readings = await load.stop()
            try await stack.docker.run(["unpause", StackServices.container("postgres")], timeout: .seconds(60))
            try await prove(
                Measurement(
                    ResilienceChecks.databaseHang(polls: polls, readings: readings),
                    subject: "docker pause nps-postgres for 12 s during GetReading rounds: /health every 100 ms",
                    limit: requirement.limit,
                    measuredBy: pause
                )
            )
            try await stack.ensureRunning()
        }

        @Test(
            "REL.reboot: all five containers restarted at once: health-check.sh exits 0 and a reading through the web-ui succeeds within 60 s, with no manual step",
            arguments: [Requirements.relReboot]
        )
        func relReboot(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            let readingURL = try stack.webUIURL(Checkpoint5.readingPath)
            let restartedAt = Date()
            let restart = try await stack.docker.run(
                ["restart", "--time", "10"] + StackServices.all.map(StackServices.container),
                timeout: .seconds(180)
            )
            var healthCheck: Duration?
            var webReading: Duration?
            let end = ContinuousClock.now + .seconds(90)
            while ContinuousClock.now < end, healthCheck == nil || webReading == nil {
                if healthCheck == nil, try await stack.script("health-check.sh").succeeded {
                    healthCheck = .seconds(Date().timeIntervalSince(restartedAt))
                }
                if webReading == nil, (try? await WebUIFetch.get(readingURL, timeout: .seconds(5)))?.reply.status == 200 {
                    webReading = .seconds(Date().timeIntervalSince(restartedAt))
                }
                try await Task.sleep(for: .milliseconds(500))
            }
            try await prove(
                Measurement(
                    ResilienceChecks.reboot(healthCheckPassed: healthCheck, webReading: webReading),
                    subject: "docker restart of all five containers in one command, then health-check.sh and a reading through the web-ui",
                    limit: requirement.limit,
                    measuredBy: restart
                )
            )
            try await stack.ensureRunning()
        }

        @Test(
            "REL.diskfull: the Oracle's log disk full: it keeps serving and healthy, says so once, stdout stays complete, no partial line is left in the file",
            arguments: [Requirements.relDiskFull]
        )
        func relDiskFull(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            // A small tmpfs of the host's as the log folder, so the test can read the file the Oracle could not finish.
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nps-diskfull-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let mount = try await CommandRunner().capture(
                Command(
                    executable: URL(fileURLWithPath: "/bin/mount"),
                    arguments: ["-t", "tmpfs", "-o", "size=128k,mode=0777", "tmpfs", folder.path]
                ),
                timeout: .seconds(30)
            )
            try #require(mount.succeeded, "a 128 KiB tmpfs could not be mounted (REL.diskfull needs root): \(mount.transcript)")
            defer { _ = try? CommandRunner().captureBlocking(Command(executable: URL(fileURLWithPath: "/bin/umount"), arguments: [folder.path])) }

            let run = try await SecondOracle.with(
                "nps-checkpoint-oracle-diskfull",
                environment: ["LOG_LEVEL": "DEBUG"],
                arguments: ["--volume", "\(folder.path):/app/logs"]
            ) { oracle in
                // One debug line per call: far more than 128 KiB.
                let calls = try await OracleLoad(target: oracle.grpcTarget).readings(3000, concurrency: 4)
                let health = try? await HTTPFetch.get(oracle.healthURL, timeout: .seconds(5))
                let inspection = try await stack.docker.inspectContainer(oracle.name).value
                let logs = try await stack.docker.capture(["logs", oracle.name], timeout: .seconds(60))
                let file = (try? Data(contentsOf: folder.appendingPathComponent("oracle.log"))) ?? Data()
                let free = (try? FileManager.default.attributesOfFileSystem(forPath: folder.path)[.systemFreeSize] as? NSNumber)?.intValue ?? 0
                let fileLines = JSONLogLines(text: String(decoding: file, as: UTF8.self))
                return DiskFullRun(
                    calls: calls.value,
                    healthStatus: health?.status,
                    restarts: inspection.restartCount,
                    fileFull: free < 4096,
                    failureReports: logs.standardError.components(separatedBy: "log file write failed").count - 1,
                    stdoutCallLines: JSONLogLines(text: logs.standardOutput).entries.filter { $0.message == "RPC GetReading" }.count,
                    fileLines: fileLines.entries.count,
                    fileEndsWithNewline: file.isEmpty || file.last == UInt8(ascii: "\n"),
                    unreadableFileLines: fileLines.rejected.count
                )
            }
            try await prove(
                Measurement(
                    ResilienceChecks.diskFull(run),
                    subject: "a second Oracle (LOG_LEVEL=DEBUG) whose /app/logs is a 128 KiB tmpfs, 3,000 readings",
                    limit: requirement.limit
                )
            )
        }

        @Test(
            "REL.aidown: with a key set and the AI host unresolvable or black-holed, every reading is answered from the rules, p99 within 2.5 s",
            arguments: [Requirements.relAIDown]
        )
        func relAIDown(_ requirement: Requirement) async throws {
            let stack = Stack.shared
            try await stack.ensureRunning()
            // An address on the stack's network that no container has: connects to it get no answer at all.
            let oracleAddress =
                try await stack.docker.inspectContainer(StackServices.container("oracle")).value.addresses[Requirements.stackNetwork] ?? ""
            let blackHole = oracleAddress.split(separator: ".").dropLast().joined(separator: ".") + ".250"
            // https: the Oracle takes plain http only to a loopback host (SEC.aikey); neither call gets as far as TLS.
            for host in ["https://nps-ai-host.invalid", "https://\(blackHole)"] {
                let readings = try await SecondOracle.with(
                    "nps-checkpoint-oracle-aidown",
                    environment: ["ANTHROPIC_API_KEY": "checkpoint-test-key", "ANTHROPIC_BASE_URL": host]
                ) { oracle in
                    try await OracleLoad(target: oracle.grpcTarget).readings(200, concurrency: 4)
                }
                try await prove(
                    Measurement(
                        ResilienceChecks.aiDown(host: host, readings: readings.value),
                        subject: "200 readings from an Oracle with a key and ANTHROPIC_BASE_URL=\(host)",
                        limit: requirement.limit,
                        measuredBy: readings.result
                    )
                )
            }
        }
    }
}
