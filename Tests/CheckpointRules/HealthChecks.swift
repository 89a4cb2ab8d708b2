import Foundation
import ProcessRunning
import StackHarness

/// The rules of Checkpoint 4 (health checks) on what the harness measured: /health answers, the
/// compose file's probes, the engine's health status and the output of health-check.sh.
package enum HealthChecks {
    /// The dependencies /health must report on.
    package static let reportedChecks = ["database", "grpc", "ai"]

    /// What each service's declared probe must contain, and the setting that makes it probe the spec's port.
    package static let probes: [(service: String, words: [String], setting: (name: String, value: String)?)] = [
        ("postgres", ["pg_isready"], nil),
        ("oracle", ["/app/nps-oracle", "healthcheck"], ("HEALTH_PORT", "8052")),
        ("scanner", ["/app/nps-scanner-stand-in", "healthcheck"], ("GRPC_PORT", "50051")),
        ("api", ["/app/nps-api-stand-in", "healthcheck"], ("PORT", "8000")),
        ("web-ui", ["bash", "/dev/tcp/127.0.0.1/8081", "GET /healthz"], nil),
    ]

    /// What each service's last passing probe printed, proving the probe reached the right thing
    /// (web-ui's `grep -q` prints nothing).
    package static let probeOutputMarkers: [String: String] = [
        "postgres": "accepting connections",
        "oracle": "\"service\":\"oracle\"",
        "scanner": "serving",
        "api": "\"service\":\"api\"",
    ]

    /// CP4.endpoint: `GET /health` answered 200 with `{"status":"healthy","service":"oracle","checks":{database, grpc, ai}}` in < 2 s.
    package static func healthyAnswer(_ reply: HTTPReply) -> CheckOutcome {
        var points = RequirementPoints("CP4.endpoint")
        let json = reply.json
        points.expect(reply.status == 200, "status \(reply.status), not 200")
        points.expect(json != nil, "body is not JSON: \(reply.text.prefix(200))")
        points.expect(json?["status"]?.string == "healthy", "status field is \(json?["status"]?.scalarText ?? "missing"), not healthy")
        points.expect(json?["service"]?.string == "oracle", "service field is \(json?["service"]?.scalarText ?? "missing"), not oracle")
        for check in reportedChecks {
            points.expect(json?["checks"]?[check]?.string != nil, "checks.\(check) is missing")
        }
        points.expect(
            reply.elapsed < Requirements.healthAnswerLimit,
            "answered in \(reply.elapsed.secondsText), not < \(Requirements.healthAnswerLimit.limitText)"
        )
        return points.outcome(
            summary: "\(reply.status) in \(reply.elapsed.secondsText): \(reply.text.trimmingCharacters(in: .whitespacesAndNewlines))"
        )
    }

    /// CP4.endpoint from another container: the api's `GET /api/oracle/health` (the api calling oracle:8052)
    /// gave the Oracle's own status and body.
    package static func passedThrough(_ reply: HTTPReply, direct: HTTPReply) -> CheckOutcome {
        var points = RequirementPoints("CP4.endpoint")
        let json = reply.json
        let own = direct.json
        points.expect(reply.status == direct.status, "status \(reply.status) through the api, \(direct.status) from the Oracle")
        points.expect(json?["service"]?.string == "oracle", "the body through the api is not the Oracle's: \(reply.text.prefix(200))")
        points.expect(
            json?["status"] == own?["status"],
            "status field \(json?["status"]?.scalarText ?? "missing") through the api, \(own?["status"]?.scalarText ?? "missing") direct"
        )
        points.expect(
            json?["checks"] == own?["checks"],
            "checks \(json?["checks"].map(String.init(describing:)) ?? "missing") through the api differ from the Oracle's"
        )
        return points.outcome(summary: "\(reply.status) through the api: \(reply.text.trimmingCharacters(in: .whitespacesAndNewlines))")
    }

    /// CP4.endpoint with the database stopped: `GET /health` turned 503 `"unhealthy"` (database not connected) within 5 s.
    package static func unreachableDatabaseAnswer(_ reply: HTTPReply?, after waited: Duration) -> CheckOutcome {
        var points = RequirementPoints("CP4.endpoint")
        guard let reply else {
            points.expect(false, "no answer from /health in \(waited.secondsText) after the database stopped")
            return points.outcome(summary: "")
        }
        let json = reply.json
        points.expect(
            reply.status == 503,
            "status \(reply.status) \(waited.secondsText) after the database stopped, not 503: \(reply.text.prefix(200))"
        )
        points.expect(json?["status"]?.string == "unhealthy", "status field is \(json?["status"]?.scalarText ?? "missing"), not unhealthy")
        points.expect(
            json?["checks"]?["database"]?.string.map { $0 != "connected" } ?? false,
            "checks.database is \(json?["checks"]?["database"]?.scalarText ?? "missing") with the database stopped"
        )
        points.expect(
            waited <= Requirements.unreachableDatabaseLimit,
            "took \(waited.secondsText) to turn 503, not ≤ \(Requirements.unreachableDatabaseLimit.secondsText)"
        )
        return points.outcome(
            summary: "\(reply.status) \(waited.secondsText) after the database stopped: \(reply.text.trimmingCharacters(in: .whitespacesAndNewlines))"
        )
    }

    /// CP4.services: every service declares the spec's probe (and the setting that points it at the spec's port).
    package static func declaredProbes(_ config: ComposeConfig) -> CheckOutcome {
        var points = RequirementPoints("CP4.services")
        var found: [String] = []
        for probe in probes {
            guard let service = config.services[probe.service] else {
                points.expect(false, "no \(probe.service) service")
                continue
            }
            guard let check = service.healthcheck, !check.isDisabled else {
                points.expect(false, "\(probe.service) has no health check")
                continue
            }
            let test = check.test.dropFirst().joined(separator: " ")
            for word in probe.words {
                points.expect(test.contains(word), "\(probe.service) probe `\(test)` lacks \"\(word)\"")
            }
            if let setting = probe.setting {
                let value = service.environment[setting.name] ?? nil
                points.expect(value == setting.value, "\(probe.service) \(setting.name) is \(value ?? "unset"), not \(setting.value)")
            }
            found.append("\(probe.service): \(test)")
        }
        return points.outcome(summary: found.joined(separator: "; "))
    }

    /// CP4.services: the engine reports every container healthy, its last probe passed and printed what its probe reaches.
    package static func engineHealth(_ inspections: [String: ContainerInspection]) -> CheckOutcome {
        var points = RequirementPoints("CP4.services")
        var found: [String] = []
        for probe in probes {
            guard let inspection = inspections[probe.service] else {
                points.expect(false, "\(probe.service) has no container")
                continue
            }
            let health = inspection.state.health
            let last = health?.log.last
            points.expect(health?.status == "healthy", "\(inspection.name) is \(health?.status ?? "without health tracking"), not healthy")
            points.expect(last?.exitCode == 0, "\(inspection.name)'s last probe exited \(last.map { String($0.exitCode) } ?? "never")")
            if let marker = probeOutputMarkers[probe.service] {
                let output = last?.output ?? ""
                points.expect(
                    output.contains(marker),
                    "\(inspection.name)'s last probe printed \(output.prefix(120).debugDescription), without \(marker.debugDescription)"
                )
            }
            found.append("\(probe.service) \(health?.status ?? "none")")
        }
        return points.outcome(summary: found.joined(separator: ", "))
    }

    /// CP4.script: health-check.sh exited 0 with every service shown healthy, or 1 naming `stopped`; in colour either way.
    package static func script(_ result: CommandResult, stopped: String?) -> CheckOutcome {
        var points = RequirementPoints("CP4.script")
        let output = result.standardOutput + result.standardError
        let expected: Int32 = stopped == nil ? 0 : 1
        points.expect(result.signal == nil && !result.timedOut, "health-check.sh \(result.ending)")
        points.expect(result.exitStatus == expected, "exit status \(result.exitStatus), not \(expected): \(output.prefix(400))")
        points.expect(output.contains("\u{1B}["), "no ANSI colour codes in the output: \(output.prefix(200).debugDescription)")
        // The service lines read "✔ <service>  healthy …" or "✘ <service>  <health> …" once the colour codes are gone.
        let lines = output.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            .split(separator: "\n").map(String.init)
        if let stopped {
            points.expect(lines.contains { $0.hasPrefix("✘ \(stopped) ") }, "no ✘ line for \(stopped): \(output.prefix(400))")
            points.expect(
                lines.contains { $0.hasPrefix("not healthy:") && $0.contains(stopped) },
                "the summary does not name \(stopped): \(lines.last ?? "")"
            )
        } else {
            for service in StackServices.all {
                points.expect(lines.contains { $0.hasPrefix("✔ \(service) ") }, "no ✔ line for \(service): \(output.prefix(400))")
            }
        }
        return points.outcome(summary: "exit \(result.exitStatus), coloured, \"\(lines.last ?? "")\"")
    }

    /// CP4.status: `docker inspect nps-oracle --format '{{.State.Health.Status}}'` printed `healthy`.
    package static func oracleStatus(_ printed: String) -> CheckOutcome {
        let status = printed.trimmingCharacters(in: .whitespacesAndNewlines)
        return CheckOutcome(
            id: "CP4.status",
            passed: status == "healthy",
            measured: status.isEmpty ? "(nothing)" : status,
            reason: status == "healthy" ? "healthy" : "nps-oracle health status is \(status.isEmpty ? "empty" : status), not healthy"
        )
    }
}
