import StackHarness

/// The SWARM.* rules, on what the Swarm suite measured.
package enum SwarmChecks {
    /// SWARM.deploy: deploy.sh succeeded and every service of `StackServices.all` converged within the limit.
    package static func deploy(succeeded: Bool, convergedAfter: Duration, services: [SwarmService]) -> CheckOutcome {
        var points = RequirementPoints(Requirements.swarmDeploy.id)
        points.expect(succeeded, "deploy.sh failed")
        points.expect(
            convergedAfter <= Requirements.swarmConvergeLimit,
            "converged only after \(convergedAfter.secondsText), not within \(Requirements.swarmConvergeLimit.limitText)"
        )
        for name in StackServices.all {
            guard let service = services.first(where: { $0.name == name }) else {
                points.expect(false, "\(name) is not a service of the stack")
                continue
            }
            points.expect(service.converged, "\(name): \(text(service))")
        }
        return points.outcome(summary: "converged in \(convergedAfter.secondsText): \(services.map(text).joined(separator: ", "))")
    }

    /// SWARM.scale: the Oracle runs its replicas, and the calls through the api all succeeded and reached each of them.
    package static func scale(oracle: SwarmService?, calls: PacedCalls) -> CheckOutcome {
        var points = RequirementPoints(Requirements.swarmScale.id)
        let replicas = Requirements.swarmOracleReplicas
        points.expect(
            oracle?.desired == replicas && oracle?.running == replicas,
            "the Oracle runs \(oracle.map(text) ?? "no service"), not \(replicas) replicas"
        )
        points.expect(calls.made > 0 && calls.failed == 0, "\(calls.failed) of \(calls.made) calls failed: \(calls.failures.joined(separator: "; "))")
        points.expect(
            calls.byInstance.count == replicas && calls.byInstance.values.allSatisfy { $0 > 0 },
            "the calls reached \(calls.byInstance.count) Oracle task(s), not \(replicas)"
        )
        return points.outcome(summary: calls.summary)
    }

    /// SWARM.rolling: the update completed with every task replaced, and no call made meanwhile failed, at the rate.
    package static func rolling(oracle: SwarmService?, tasksBefore: Set<String>, tasksAfter: Set<String>, calls: PacedCalls) -> CheckOutcome {
        var points = RequirementPoints(Requirements.swarmRolling.id)
        points.expect(oracle?.updateState == "completed", "the update ended \(oracle?.updateState ?? "nowhere"), not completed")
        points.expect(
            !tasksBefore.isEmpty && tasksBefore.isDisjoint(with: tasksAfter) && tasksAfter.count == Requirements.swarmOracleReplicas,
            "tasks before \(tasksBefore.count), after \(tasksAfter.count), \(tasksBefore.intersection(tasksAfter).count) kept: not every task replaced"
        )
        expectNoLoss(calls, into: &points)
        return points.outcome(summary: "\(tasksBefore.count) tasks replaced; \(calls.summary)")
    }

    /// SWARM.rollback: the broken rollout ended rolled back on `previousImage` with no call lost, and rollback.sh
    /// brought back the image before its update.
    package static func rollback(
        automatic oracle: SwarmService?,
        previousImage: String,
        calls: PacedCalls,
        manual: (succeeded: Bool, image: String, expected: String)
    ) -> CheckOutcome {
        var points = RequirementPoints(Requirements.swarmRollback.id)
        points.expect(
            oracle?.updateState == "rollback_completed",
            "the broken rollout ended \(oracle?.updateState ?? "nowhere"), not rollback_completed"
        )
        points.expect(oracle?.image == previousImage, "the Oracle runs \(oracle?.image ?? "nothing") after the rollback, not \(previousImage)")
        points.expect(oracle.map { $0.running == $0.desired } ?? false, "the Oracle runs \(oracle.map(text) ?? "no service") after the rollback")
        expectNoLoss(calls, into: &points)
        points.expect(manual.succeeded, "rollback.sh failed")
        points.expect(manual.image == manual.expected, "after rollback.sh the Oracle runs \(manual.image), not \(manual.expected)")
        return points.outcome(summary: "rolled back to \(previousImage); \(calls.summary); rollback.sh back to \(manual.image)")
    }

    /// SWARM.probes: the Oracle's tasks were the same before and after a database outage of at least the limit, and a
    /// frozen task was replaced within the limit.
    package static func probes(
        outage: Duration,
        tasksBefore: Set<String>,
        tasksAfter: Set<String>,
        frozenReplacedAfter: Duration?
    ) -> CheckOutcome {
        var points = RequirementPoints(Requirements.swarmProbes.id)
        points.expect(outage >= Requirements.swarmOutage, "the outage lasted \(outage.secondsText), less than \(Requirements.swarmOutage.limitText)")
        points.expect(
            !tasksBefore.isEmpty && tasksBefore == tasksAfter,
            "the database outage replaced Oracle tasks: before \(tasksBefore.sorted()), after \(tasksAfter.sorted())"
        )
        if let frozenReplacedAfter {
            points.expect(
                frozenReplacedAfter <= Requirements.swarmFrozenLimit,
                "the frozen task was replaced after \(frozenReplacedAfter.secondsText), not within \(Requirements.swarmFrozenLimit.limitText)"
            )
        } else {
            points.expect(false, "the frozen task was not replaced within \(Requirements.swarmFrozenLimit.limitText)")
        }
        let frozen = frozenReplacedAfter.map { "replaced after \($0.secondsText)" } ?? "not replaced"
        return points.outcome(summary: "\(tasksBefore.count) tasks kept across a \(outage.secondsText) database outage; a frozen task \(frozen)")
    }

    /// SWARM.secrets: no secret value in the services' inspect output, and every secret variable a file.
    package static func secrets(inspect: String, secretValues: [String: String], stack: ComposeConfig) -> CheckOutcome {
        var points = RequirementPoints(Requirements.swarmSecrets.id)
        for (name, value) in secretValues.sorted(by: { $0.key < $1.key }) {
            points.expect(!inspect.contains(value), "the value of \(name) is in docker service inspect")
        }
        var files = 0
        for service in stack.services.values {
            for variable in SwarmParity.secretVariables where service.environment.keys.contains(variable) {
                points.expect(false, "\(service.name) sets \(variable) itself, not \(variable)_FILE")
            }
            files += service.environment.keys.filter { $0.hasSuffix("_FILE") }.count
        }
        points.expect(files > 0, "no service reads a secret from a file")
        return points.outcome(
            summary: "\(secretValues.count) secret values absent from \(inspect.utf8.count) bytes of inspect; \(files) *_FILE variables"
        )
    }

    /// SWARM.parity: the differences between the two files that are not named exceptions.
    package static func parity(compose: ComposeConfig, stack: ComposeConfig) -> CheckOutcome {
        var points = RequirementPoints(Requirements.swarmParity.id)
        for difference in SwarmParity.differences(compose: compose, stack: stack) {
            points.expect(false, difference)
        }
        points.expect(compose.services.count == StackServices.all.count, "the compose file has \(compose.services.count) services")
        return points.outcome(
            summary: "\(compose.services.count) services agree but for: \(SwarmParity.exceptions.joined(separator: "; "))"
        )
    }

    /// SWARM.persistence: the rows counted before `deploy.sh --remove` are there after a new deploy, and the compose
    /// stack then came up with every service healthy and the web-ui answering an api call by the api's name.
    package static func persistence(rowsBefore: Int, rowsAfter: Int, composeHealth: [String: String], webUIToAPI: HTTPReply?) -> CheckOutcome {
        var points = RequirementPoints(Requirements.swarmPersistence.id)
        points.expect(rowsBefore > 0, "no rows before the removal, so nothing was shown to survive")
        points.expect(rowsAfter >= rowsBefore, "\(rowsAfter) rows after the redeploy, \(rowsBefore) before")
        for name in StackServices.all {
            points.expect(composeHealth[name] == "healthy", "compose \(name) is \(composeHealth[name] ?? "missing") afterwards")
        }
        points.expect(
            webUIToAPI?.status == 200,
            "the web-ui's /api/health answered \(webUIToAPI.map { "\($0.status) \($0.text.prefix(120))" } ?? "nothing")"
        )
        return points.outcome(
            summary: "\(rowsBefore) rows before, \(rowsAfter) after; compose healthy; web-ui → api \(webUIToAPI?.status ?? 0)"
        )
    }

    private static func expectNoLoss(_ calls: PacedCalls, into points: inout RequirementPoints) {
        let slowest = Double(Requirements.swarmCallRate) * 0.9
        points.expect(calls.made > 0 && calls.failed == 0, "\(calls.failed) of \(calls.made) calls failed: \(calls.failures.joined(separator: "; "))")
        points.expect(calls.rate >= slowest, "\(calls.rate.compactText) calls/s, not ≥ \(slowest.compactText)")
    }

    private static func text(_ service: SwarmService) -> String {
        "\(service.name) \(service.running)/\(service.desired)\(service.updateState.map { " (\($0))" } ?? "")"
    }
}
