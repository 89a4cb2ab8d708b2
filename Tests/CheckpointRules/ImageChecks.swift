import Foundation
import ProcessRunning
import StackHarness

/// The rules of Checkpoint 1 (and CP4.instruction) on what Docker says about an image and its build.
package enum ImageChecks {
    /// The runtime stage's base image.
    package static let runtimeBase = "debian:bookworm-slim"
    /// The stage that assembles the runtime root file system from Debian packages, for the FROM-scratch runtimes.
    package static let runtimeRootfsStage = "runtime-rootfs"

    /// CP1.build: the build exited 0; a failure names the kept build log.
    package static func build(_ result: CommandResult, log: URL) -> CheckOutcome {
        let seconds = String(format: "%.1f", result.duration.inSeconds)
        guard result.succeeded else {
            let lastLine = result.standardError.split(separator: "\n").last.map(String.init) ?? ""
            return CheckOutcome(
                id: "CP1.build",
                passed: false,
                measured: "\(result.ending) after \(seconds) s; build log kept in \(log.path)",
                reason: "the build failed (\(result.ending)); build log kept in \(log.path); last line: \(lastLine)"
            )
        }
        return CheckOutcome(id: "CP1.build", passed: true, measured: "exit status 0 after \(seconds) s", reason: "the build succeeded")
    }

    /// CP1.size: `docker image inspect` Size below 500 MB.
    package static func size(_ image: ImageInspection) -> CheckOutcome {
        let megabytes = Double(image.size) / 1e6
        let measured = String(format: "%.1f MB", megabytes)
        let passed = megabytes < Requirements.imageSizeLimitMB
        return CheckOutcome(
            id: "CP1.size",
            passed: passed,
            measured: measured,
            reason:
                "\(image.repoTags.first ?? image.id) is \(measured) (\(image.size) bytes), limit < \(Requirements.imageSizeLimitMB.compactText) MB"
        )
    }

    /// CP1.multistage: a stage named builder, a last (runtime) stage on another base, and the runtime at most 70% of the builder.
    package static func multistage(stages: [DockerfileStage], runtimeBytes: Int64, builderBytes: Int64) -> CheckOutcome {
        var points = RequirementPoints("CP1.multistage")
        let builder = stages.first { $0.name == "builder" }
        points.expect(builder != nil, "no stage named builder among \(stages.map { $0.name ?? $0.base })")
        let runtime = stages.last
        points.expect(
            stages.count >= 2 && runtime?.name != "builder",
            "the last stage (the runtime) is \(runtime?.name ?? "unnamed"), not a stage after the builder"
        )
        points.expect(
            runtime?.base != builder?.base && runtime?.base != "builder",
            "the runtime starts from \(runtime?.base ?? "nothing"), the builder's base"
        )
        let share = builderBytes > 0 ? Double(runtimeBytes) / Double(builderBytes) : 1
        let sizes = String(
            format: "runtime %.1f MB, builder %.1f MB: %.1f%% smaller",
            Double(runtimeBytes) / 1e6,
            Double(builderBytes) / 1e6,
            (1 - share) * 100
        )
        points.expect(
            share <= Requirements.largestRuntimeShare,
            "\(sizes), over the \((Requirements.largestRuntimeShare * 100).compactText)% of the builder the spec allows"
        )
        return points.outcome(summary: sizes)
    }

    /// CP1.cache: a rebuild with no change took under 30 s and BuildKit reused every step.
    package static func cachedRebuild(_ progress: BuildProgress, duration: Duration) -> CheckOutcome {
        var points = RequirementPoints("CP1.cache")
        let steps = progress.cacheableSteps
        let cached = steps.filter(\.cached)
        let seconds = String(format: "%.1f s", duration.inSeconds)
        points.expect(duration < Requirements.cachedRebuildLimit, "the rebuild took \(seconds), limit < \(Requirements.cachedRebuildLimit.limitText)")
        points.expect(!steps.isEmpty, "the build output shows no Dockerfile steps (not BuildKit plain progress?)")
        let rebuilt = steps.filter { !$0.cached }.map(\.header)
        points.expect(rebuilt.isEmpty, "\(rebuilt.count) step(s) not cached: \(rebuilt.joined(separator: " | "))")
        return points.outcome(summary: "\(seconds), \(cached.count)/\(steps.count) steps CACHED")
    }

    /// CP1.lint: hadolint exited 0 and printed nothing.
    package static func lint(_ result: CommandResult) -> CheckOutcome {
        let output = (result.standardOutput + result.standardError).trimmingCharacters(in: .whitespacesAndNewlines)
        let warnings = output.isEmpty ? 0 : output.split(separator: "\n").count
        let measured = "\(result.ending), \(warnings) line(s) of output"
        return CheckOutcome(
            id: "CP1.lint",
            passed: result.succeeded && output.isEmpty,
            measured: measured,
            reason: output.isEmpty ? "hadolint found nothing" : "hadolint said: \(output)"
        )
    }

    /// CP1.lint (its secret half): the image's history, ENV and labels hold no secret.
    package static func noSecrets(_ findings: [SecretScanner.Finding], image: String, scanned: Int) -> CheckOutcome {
        CheckOutcome(
            id: "CP1.lint",
            passed: findings.isEmpty,
            measured: "\(findings.count) secret(s) in \(scanned) history steps, ENV entries and labels"
                + (findings.isEmpty ? "" : ": " + findings.map(\.description).joined(separator: "; ")),
            reason: findings.isEmpty ? "\(image) carries no secret" : findings.map(\.description).joined(separator: "; ")
        )
    }

    /// CP1.base (the base): the runtime stage starts from debian:bookworm-slim and the image's /etc/os-release is Debian 12.
    package static func runtimeBase(osRelease: String, stages: [DockerfileStage]) -> CheckOutcome {
        var points = RequirementPoints("CP1.base")
        let fields = EnvFile(text: osRelease)
        let runtime = stages.last?.base ?? "nothing"
        // Slimmer than the slim image: FROM scratch with a root file system of Debian packages that a stage FROM
        // debian:bookworm-slim assembled (SEC.minimal), or that image itself.
        let assembled = stages.contains { $0.base == runtimeBase && $0.name == runtimeRootfsStage }
        points.expect(
            runtime == runtimeBase || (runtime == "scratch" && assembled),
            "the runtime stage starts from \(runtime), not \(runtimeBase) nor scratch with a \(runtimeRootfsStage) stage FROM \(runtimeBase)"
        )
        points.expect(fields["ID"]?.value == "debian", "os-release ID is \(fields["ID"]?.value ?? "missing"), not debian")
        points.expect(fields["VERSION_ID"]?.value == "12", "os-release VERSION_ID is \(fields["VERSION_ID"]?.value ?? "missing"), not 12")
        points.expect(
            fields["VERSION_CODENAME"]?.value == "bookworm",
            "os-release VERSION_CODENAME is \(fields["VERSION_CODENAME"]?.value ?? "missing"), not bookworm"
        )
        let origin = runtime == "scratch" ? "scratch + Debian packages from \(runtimeBase)'s apt" : runtime
        return points.outcome(summary: "\(fields["PRETTY_NAME"]?.value ?? "?") from \(origin)")
    }

    /// CP1.base (the packages): only the runtime packages the binary needs (`Requirements.runtimePackages`), and no
    /// build or download tools.
    package static func packages(installed: [String]) -> CheckOutcome {
        var points = RequirementPoints("CP1.base")
        let unexpected = Set(installed).subtracting(Requirements.runtimePackages).sorted()
        points.expect(unexpected.isEmpty, "packages the service does not use: \(unexpected.joined(separator: ", "))")
        let tools = installed.filter(isToolPackage)
        points.expect(tools.isEmpty, "compilers, toolchains or download tools installed: \(tools.joined(separator: ", "))")
        return points.outcome(summary: "\(installed.count) packages: \(installed.sorted().joined(separator: ", "))")
    }

    /// CP1.base (the binary): the entrypoint is an ELF executable with the Swift runtime in it.
    package static func swiftBinary(path: String, contents: Data) -> CheckOutcome {
        var points = RequirementPoints("CP1.base")
        let isELF = contents.starts(with: [0x7F, 0x45, 0x4C, 0x46])
        // A stripped static binary keeps the runtime's entry names (swift_task…) and the standard library's
        // source paths in its fatal-error messages (Swift/…); "Swift runtime failure" comes with checked traps.
        let markers = ["Swift runtime failure", "swift_task", "swift_", "Swift/"].filter { contents.range(of: Data($0.utf8)) != nil }
        points.expect(isELF, "\(path) is not an ELF executable (first bytes \(contents.prefix(4).map { String(format: "%02x", $0) }.joined()))")
        points.expect(!markers.isEmpty, "\(path) holds no Swift runtime strings (swift_, Swift/, Swift runtime failure)")
        let size = String(format: "%.1f MB", Double(contents.count) / 1e6)
        return points.outcome(summary: "\(path): ELF, \(size), Swift runtime strings \(markers.map { "\"\($0)\"" }.joined(separator: ", "))")
    }

    /// CP4.instruction: the image's HEALTHCHECK has the settings of `Requirements.imageHealthcheck`.
    package static func healthcheckInstruction(_ image: ImageInspection) -> CheckOutcome {
        var points = RequirementPoints("CP4.instruction")
        guard let check = image.config.healthcheck, !check.isDisabled else {
            points.expect(false, "\(image.repoTags.first ?? image.id) has no HEALTHCHECK")
            return points.outcome(summary: "")
        }
        let expected = Requirements.imageHealthcheck
        points.expect(check.interval == expected.interval, "interval is \(describe(check.interval)), not \(describe(expected.interval))")
        points.expect(check.timeout == expected.timeout, "timeout is \(describe(check.timeout)), not \(describe(expected.timeout))")
        points.expect(
            check.retries == expected.retries,
            "retries is \(check.retries.map(String.init) ?? "the default"), not \(expected.retries.map(String.init) ?? "the default")"
        )
        points.expect(
            check.startPeriod == expected.startPeriod,
            "start period is \(describe(check.startPeriod)), not \(describe(expected.startPeriod))"
        )
        return points.outcome(
            summary:
                "\(check.test.joined(separator: " ")): interval \(describe(check.interval)), timeout \(describe(check.timeout)), retries \(check.retries.map(String.init) ?? "default"), start period \(describe(check.startPeriod))"
        )
    }

    // Compilers, linkers, toolchains, interpreters and download tools: "gcc-12" and "libc6-dev" count;
    // "gcc-12-base" (data of a runtime library every Debian has) and "perl-base" (essential) do not.
    private static func isToolPackage(_ package: String) -> Bool {
        let name = package.split(separator: ":").first.map(String.init) ?? package
        let tools = ["gcc", "g++", "cpp", "clang", "llvm", "lld", "binutils", "make", "curl", "wget", "git", "perl"]
        let isTool = tools.contains { tool in
            name == tool || (name.hasPrefix(tool + "-") && Int(name.dropFirst(tool.count + 1)) != nil)
        }
        return isTool || name.hasPrefix("swift") || name.hasPrefix("python") || name.hasPrefix("libcurl") || name.hasSuffix("-dev")
    }

    private static func describe(_ duration: Duration?) -> String {
        duration.map { String(format: "%g s", $0.inSeconds) } ?? "the default"
    }
}
