import Foundation
import ProcessRunning
import Testing

@Suite("running commands")
struct CommandRunnerTests {
    private let runner = CommandRunner()

    @Test("/bin/echo: output, status and wall time")
    func echo() async throws {
        let result = try await runner.run(Command(executable: URL(fileURLWithPath: "/bin/echo"), arguments: ["hello", "two words"]))
        #expect(result.standardOutput == "hello two words\n")
        #expect(result.standardError.isEmpty)
        #expect(result.exitStatus == 0)
        #expect(result.succeeded)
        #expect(result.duration > .zero && result.duration < .seconds(10))
    }

    @Test("/bin/false throws a failure that quotes the command")
    func failure() async throws {
        let command = Command(executable: URL(fileURLWithPath: "/bin/false"), arguments: ["--ignored", "it's quoted"])
        let error = await #expect(throws: CommandFailure.self) { try await runner.run(command) }
        let description = String(describing: try #require(error))
        #expect(description.hasPrefix("command failed (exit status 1 after "))
        #expect(description.contains("/bin/false --ignored 'it'\\''s quoted'"))
        #expect(error?.result.exitStatus == 1)
        let captured = try await runner.capture(command)
        #expect(!captured.succeeded)
    }

    @Test("the failure quotes the last 40 lines of stderr")
    func stderrTail() async throws {
        let script = "for i in $(seq 1 100); do echo \"line $i\" >&2; done; exit 3"
        let error = await #expect(throws: CommandFailure.self) {
            try await runner.run(Command(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", script]))
        }
        let lines = String(describing: try #require(error)).split(separator: "\n")
        #expect(lines.count == 41)
        #expect(lines[1] == "line 61")
        #expect(lines.last == "line 100")
    }

    @Test("a time limit terminates the process")
    func timeout() async throws {
        let result = try await runner.capture(Command(executable: URL(fileURLWithPath: "/bin/sleep"), arguments: ["10"]), timeout: .milliseconds(500))
        #expect(result.timedOut)
        #expect(result.signal == SIGTERM)
        #expect(!result.succeeded)
        // Well under sleep's 10 s: the limit, not the program, ended it (a loaded CI machine took 6.2 s).
        #expect(result.duration < .seconds(9))
        #expect(result.duration >= .milliseconds(500))
    }

    @Test("children start with no signal blocked, whatever thread the caller runs on")
    func signalMask() async throws {
        let status = try await runner.run(Command(executable: URL(fileURLWithPath: "/bin/grep"), arguments: ["^SigBlk:", "/proc/self/status"]))
        #expect(status.standardOutput == "SigBlk:\t0000000000000000\n")
    }

    @Test("megabytes on both pipes at once do not deadlock")
    func largeOutput() async throws {
        let script = "head -c 3000000 /dev/zero | tr '\\0' o & head -c 3000000 /dev/zero | tr '\\0' e >&2; wait"
        let result = try await runner.run(Command(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", script]), timeout: .seconds(30))
        #expect(result.standardOutputData.count == 3_000_000)
        #expect(result.standardErrorData.count == 3_000_000)
    }

    @Test("environment overrides and the working directory reach the process")
    func environment() async throws {
        let command = Command(
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", "echo \"$HARNESS_PROBE $(pwd)\""],
            environment: ["HARNESS_PROBE": "seen"],
            workingDirectory: URL(fileURLWithPath: "/tmp")
        )
        #expect(try await runner.run(command).standardOutput == "seen /tmp\n")
        #expect(command.commandLine == "HARNESS_PROBE=seen /bin/sh -c 'echo \"$HARNESS_PROBE $(pwd)\"'")
    }

    @Test("the caller's environment is inherited, or not at all with inheritsEnvironment false")
    func inheritance() async throws {
        let path = try #require(ProcessInfo.processInfo.environment["PATH"])
        let inherited = Command(executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(try await runner.run(inherited).standardOutput.split(separator: "\n").contains("PATH=\(path)"))
        let isolated = Command(executable: URL(fileURLWithPath: "/usr/bin/env"), environment: ["ONLY": "this one"], inheritsEnvironment: false)
        #expect(try await runner.run(isolated).standardOutput == "ONLY=this one\n")
        #expect(isolated.commandLine == "env -i ONLY='this one' /usr/bin/env")
    }

    @Test("a missing program is a launch failure, not a crash")
    func missingProgram() async {
        let error = await #expect(throws: ProcessFailure.self) {
            try await runner.capture(Command(executable: URL(fileURLWithPath: "/nonexistent/docker")))
        }
        #expect(error?.description.hasPrefix("could not launch /nonexistent/docker: ") == true)
    }

    @Test("cancelling the caller sends SIGTERM and still returns the result")
    func cancellation() async throws {
        let run = Task { try await runner.capture(Command(executable: URL(fileURLWithPath: "/bin/sleep"), arguments: ["30"])) }
        try await Task.sleep(for: .milliseconds(300))
        run.cancel()
        let result = try await run.value
        #expect(result.signal == SIGTERM)
        #expect(!result.timedOut)
        #expect(result.duration < .seconds(5))
    }

    @Test("a daemon the command starts does not hold up the result, nor does it for the blocking form")
    func daemonWithoutPipes() async throws {
        // The daemon inherits Foundation's exit-notification socket, so Foundation alone would never see the exit.
        let command = Command(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "sleep 30 >/dev/null 2>&1 & echo $!"])
        for result in [try await runner.run(command, timeout: .seconds(20)), try runner.captureBlocking(command)] {
            defer { Self.killDaemon(printedIn: result) }
            #expect(result.succeeded, "\(result.transcript)")
            // Waiting for the daemon would take its 30 s; the bound is loose for a loaded machine.
            #expect(result.duration < .seconds(10), "\(result.transcript)")
        }
    }

    @Test("a daemon that keeps the pipes open delays the result by the drain grace only")
    func daemonHoldingPipes() async throws {
        let command = Command(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "sleep 30 & echo $!; echo done >&2"])
        let result = try await runner.run(command, timeout: .seconds(20))
        defer { Self.killDaemon(printedIn: result) }
        #expect(result.standardError == "done\n")
        #expect(result.duration >= .seconds(2) && result.duration < .seconds(10), "\(result.transcript)")
    }

    // The daemons above print their pid; they are not the runner's to stop, so the test stops them.
    private static func killDaemon(printedIn result: CommandResult) {
        if let pid = Int32(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)) { kill(pid, SIGKILL) }
    }
}
