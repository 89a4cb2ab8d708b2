import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

extension Checkpoints {
    /// Beyond one machine: the stack on a single-node swarm (deploy.sh), with the compose stack down meanwhile (the
    /// same ports) and brought back afterwards, so the suites after it find the engine as before.
    @Suite("Swarm", .swarmSession)
    struct Swarm {
        @Test(
            "SWARM.parity: the swarm stack file and the compose file agree on images, environment names, ports, limits, probes and hardening",
            arguments: [Requirements.swarmParity]
        )
        func swarmParity(_ requirement: Requirement) async throws {
            let (compose, stack) = try await SwarmSession.configs()
            try await prove(
                Measurement(
                    SwarmChecks.parity(compose: compose.value, stack: stack.value),
                    subject: "docker compose config of docker-compose.yml and of swarm/stack.yml",
                    limit: requirement.limit,
                    measuredBy: stack.result
                )
            )
        }

        @Test(
            "SWARM.deploy: deploy.sh puts the stack on a single-node swarm with local images and waits until all five run healthy, within 2 minutes",
            arguments: [Requirements.swarmDeploy]
        )
        func swarmDeploy(_ requirement: Requirement) async throws {
            let (deploy, convergedAfter) = try await SwarmSession.shared.deploy()
            let services = try await SwarmSession.shared.swarm.services()
            print("SwarmTests: deploy.sh converged after \(convergedAfter.secondsText): \(services.map { "\($0.name) \($0.running)/\($0.desired)" })")
            try await prove(
                Measurement(
                    SwarmChecks.deploy(succeeded: deploy.succeeded, convergedAfter: convergedAfter, services: services),
                    subject: "infrastructure/scripts/deploy.sh, then docker service ls",
                    limit: requirement.limit,
                    measuredBy: deploy
                )
            )
        }

        @Test(
            "SWARM.scale: the Oracle runs 2 replicas behind its service's name and calls through the api reach both",
            arguments: [Requirements.swarmScale]
        )
        func swarmScale(_ requirement: Requirement) async throws {
            let swarm = try await SwarmSession.shared.deployed()
            let (_, calls) = try await SwarmStack.calls(rate: Requirements.swarmCallRate) { try await Task.sleep(for: .seconds(6)) }
            print("SwarmTests: scale: \(calls.summary)")
            try await prove(
                Measurement(
                    SwarmChecks.scale(oracle: try await swarm.service("oracle"), calls: calls),
                    subject: "GET /api/oracle/reading through the api on Swarm, by the X-NPS-Oracle-Instance of each answer",
                    limit: requirement.limit
                )
            )
        }

        @Test(
            "SWARM.secrets: on Swarm, secrets are Docker secrets read through *_FILE variables; no secret value is in docker service inspect",
            arguments: [Requirements.swarmSecrets]
        )
        func swarmSecrets(_ requirement: Requirement) async throws {
            let session = SwarmSession.shared
            _ = try await session.deployed()
            let stack = Stack.shared
            let names = StackServices.all.map { "\(SwarmStack.name)_\($0)" }
            let inspect = try await stack.docker.run(["service", "inspect"] + names, timeout: .seconds(30))
            let (_, stackFile) = try await SwarmSession.configs()
            try await prove(
                Measurement(
                    SwarmChecks.secrets(inspect: inspect.standardOutput, secretValues: try await session.secretValues(), stack: stackFile.value),
                    subject: "docker service inspect of the five services; the stack file's environment",
                    limit: requirement.limit,
                    measuredBy: inspect
                )
            )
        }

        @Test(
            "SWARM.rolling: a forced rolling update of the Oracle under 50 calls/s through the api loses no call (start-first)",
            arguments: [Requirements.swarmRolling]
        )
        func swarmRolling(_ requirement: Requirement) async throws {
            let swarm = try await SwarmSession.shared.deployed()
            let before = try await swarm.runningTasks("oracle")
            let (oracle, calls) = try await SwarmStack.calls(rate: Requirements.swarmCallRate) {
                try await swarm.serviceCommand(["update", "--detach", "--force", "\(SwarmStack.name)_oracle"])
                return try await swarm.waitForUpdate("oracle", endingIn: ["completed", "paused", "rollback_completed"], limit: .seconds(240))
            }
            let after = try await swarm.runningTasks("oracle")
            print("SwarmTests: rolling update \(oracle?.updateState ?? "?"): \(calls.summary)")
            try await prove(
                Measurement(
                    SwarmChecks.rolling(oracle: oracle, tasksBefore: before, tasksAfter: after, calls: calls),
                    subject: "docker service update --force nps_oracle under GET /api/oracle/reading at \(Requirements.swarmCallRate)/s",
                    limit: requirement.limit
                )
            )
        }

        @Test(
            "SWARM.rollback: an Oracle image that never becomes healthy is rolled back automatically with no call lost; rollback.sh rolls back by hand",
            arguments: [Requirements.swarmRollback]
        )
        func swarmRollback(_ requirement: Requirement) async throws {
            let session = SwarmSession.shared
            let swarm = try await session.deployed()
            let stack = Stack.shared
            let previous = try await swarm.service("oracle")?.image ?? "nps-oracle:latest"
            let broken = stack.layout.root.appendingPathComponent("fixtures/broken/swarm")
            try await stack.docker.run(
                [
                    "build", "-q", "-t", "nps-oracle:never-healthy", "-f", broken.appendingPathComponent("oracle-never-healthy.Dockerfile").path,
                    broken.path,
                ],
                timeout: .seconds(300)
            )
            let (oracle, calls) = try await SwarmStack.calls(rate: Requirements.swarmCallRate) {
                try await swarm.serviceCommand(["update", "--detach", "--image", "nps-oracle:never-healthy", "\(SwarmStack.name)_oracle"])
                return try await swarm.waitForUpdate(
                    "oracle",
                    endingIn: ["completed", "rollback_completed", "rollback_paused"],
                    limit: .seconds(300)
                )
            }
            print("SwarmTests: broken rollout \(oracle?.updateState ?? "?") on \(oracle?.image ?? "?"): \(calls.summary)")
            // By hand: a good update (the same image under a second tag), then rollback.sh takes it back.
            try await stack.docker.run(["tag", previous, "nps-oracle:swarm-update"], timeout: .seconds(30))
            try await swarm.serviceCommand(["update", "--detach", "--image", "nps-oracle:swarm-update", "\(SwarmStack.name)_oracle"])
            let updated = try await swarm.waitForUpdate("oracle", endingIn: ["completed", "rollback_completed", "paused"], limit: .seconds(240))
            let rollback = try await stack.script("rollback.sh", "oracle", timeout: .seconds(300))
            let after = try await swarm.service("oracle")
            print("SwarmTests: rollback.sh from \(updated?.image ?? "?") (\(updated?.updateState ?? "?")) to \(after?.image ?? "?")")
            try await prove(
                Measurement(
                    SwarmChecks.rollback(
                        automatic: oracle,
                        previousImage: previous,
                        calls: calls,
                        manual: (rollback.succeeded && updated?.image == "nps-oracle:swarm-update", after?.image ?? "", previous)
                    ),
                    subject: "docker service update --image nps-oracle:never-healthy under \(Requirements.swarmCallRate) calls/s; rollback.sh oracle",
                    limit: requirement.limit,
                    measuredBy: rollback
                )
            )
        }

        @Test(
            "SWARM.probes: a database outage does not make Swarm replace Oracle tasks (liveness); a frozen Oracle task is replaced",
            arguments: [Requirements.swarmProbes]
        )
        func swarmProbes(_ requirement: Requirement) async throws {
            let swarm = try await SwarmSession.shared.deployed()
            let before = try await swarm.runningTasks("oracle")
            let outageStart = ContinuousClock.now
            try await swarm.serviceCommand(["scale", "--detach", "\(SwarmStack.name)_postgres=0"])
            try await Task.sleep(for: Requirements.swarmOutage)
            let after = try await swarm.runningTasks("oracle")
            let outage = ContinuousClock.now - outageStart
            try await swarm.serviceCommand(["scale", "--detach", "\(SwarmStack.name)_postgres=1"])
            // Frozen: SIGSTOP of one task's process (a hung process; `docker pause` would stop the engine's probes).
            var replacedAfter: Duration?
            if let task = after.sorted().first, let pid = try await swarm.hostPID(ofTask: task) {
                let frozenAt = ContinuousClock.now
                kill(pid, SIGSTOP)
                while ContinuousClock.now - frozenAt < Requirements.swarmFrozenLimit + .seconds(30) {
                    let running = try await swarm.runningTasks("oracle")
                    if !running.contains(task), running.count == Requirements.swarmOracleReplicas {
                        replacedAfter = ContinuousClock.now - frozenAt
                        break
                    }
                    try await Task.sleep(for: .seconds(1))
                }
                kill(pid, SIGCONT)
            }
            print(
                "SwarmTests: outage \(outage.secondsText): tasks \(before.sorted()) → \(after.sorted()); frozen task replaced after \(replacedAfter?.secondsText ?? "never")"
            )
            try await prove(
                Measurement(
                    SwarmChecks.probes(outage: outage, tasksBefore: before, tasksAfter: after, frozenReplacedAfter: replacedAfter),
                    subject: "the Oracle's running tasks across docker service scale nps_postgres=0; a task's process stopped with SIGSTOP",
                    limit: requirement.limit
                )
            )
            _ = try await swarm.waitForUpdate("postgres", endingIn: ["completed"], limit: .seconds(5))
            try await SwarmSession.shared.waitConverged()
        }

        @Test(
            "SWARM.persistence: rows survive deploy.sh --remove and a new deploy; then the compose stack comes up healthy and finds its services by name",
            arguments: [Requirements.swarmPersistence]
        )
        func swarmPersistence(_ requirement: Requirement) async throws {
            let session = SwarmSession.shared
            let swarm = try await session.deployed()
            let before = try await swarm.suggestionRows()
            let removed = try await swarm.remove()
            try #require(removed.succeeded, "deploy.sh --remove: \(removed.transcript)")
            _ = try await session.deploy()
            let after = try await swarm.suggestionRows()
            let (health, webUI) = try await session.removeAndRestoreCompose()
            try await prove(
                Measurement(
                    SwarmChecks.persistence(rowsBefore: before, rowsAfter: after, composeHealth: health, webUIToAPI: webUI),
                    subject: "oracle_suggestions rows across deploy.sh --remove and deploy.sh; the compose stack afterwards",
                    limit: requirement.limit,
                    measuredBy: removed
                )
            )
        }
    }
}
