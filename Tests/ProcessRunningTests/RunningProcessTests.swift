import Foundation
import ProcessRunning
import Testing

@Suite("running processes watched line by line")
struct RunningProcessTests {
    // `sh -c script`, with the caller's environment.
    private func shell(_ script: String) throws -> RunningProcess {
        try RunningProcess(Command(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", script]))
    }

    @Test("lines arrive on their stream while the child runs; a signal ends it and is reported")
    func linesWhileRunning() async throws {
        let child = try shell("echo one; echo two >&2; echo three; exec sleep 30")
        #expect(try await child.waitForLine { $0 == "three" } == "three")
        #expect(try await child.waitForLine(on: .stderr) { $0.hasPrefix("t") } == "two")
        #expect(child.stdoutLines == ["one", "three"])
        #expect(child.isRunning)
        let (exit, elapsed) = try await child.stop(with: SIGTERM)
        #expect(exit.signalled && exit.status == SIGTERM, "\(child.transcript)")
        #expect(elapsed < .seconds(2))
        #expect(child.transcript.contains("[pid \(child.pid), killed by signal \(SIGTERM)]"))
    }

    @Test("the exit status, and a last line without a newline")
    func exitStatus() async throws {
        let child = try shell("printf 'a\\nb'; exit 3")
        let exit = try await child.waitForExit()
        #expect(exit.status == 3 && !exit.signalled)
        #expect(exit.description == "exit status 3")
        #expect(child.stdoutLines == ["a", "b"])
        #expect(child.stderrLines.isEmpty)
    }

    @Test("a line that never comes: the wait gives up at its limit and quotes the output")
    func lineTimeout() async throws {
        let child = try shell("echo hello; exec sleep 30")
        let started = ContinuousClock.now
        let error = await #expect(throws: ProcessFailure.self) {
            try await child.waitForLine(within: .milliseconds(300)) { $0 == "never" }
        }
        #expect(ContinuousClock.now - started >= .milliseconds(300))
        #expect(error?.problem == "no such line within 0.3 seconds")
        #expect(error?.description.contains("--- stdout (1 lines) ---\nhello") == true)
    }

    @Test("a line that never comes: the wait ends with the stream")
    func streamEnds() async throws {
        let child = try shell("echo hello >&2")
        let started = ContinuousClock.now
        let error = await #expect(throws: ProcessFailure.self) {
            try await child.waitForLine(on: .stderr, within: .seconds(20)) { $0 == "never" }
        }
        #expect(error?.problem == "stderr ended without the line")
        // Well under the 20 s limit: the stream's end, not the limit, ended the wait (a loaded CI machine took 6 s).
        #expect(ContinuousClock.now - started < .seconds(15))
    }

    @Test("an exit that does not come within the limit")
    func exitTimeout() async throws {
        let child = try shell("exec sleep 30")
        let error = await #expect(throws: ProcessFailure.self) { try await child.waitForExit(within: .milliseconds(200)) }
        #expect(error?.problem.hasPrefix("still running after ") == true)
        #expect(child.isRunning)
    }

    @Test("exactly the given environment, in the given directory, with no signal blocked")
    func launchSettings() async throws {
        let command = Command(
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", "echo \"$ONLY|${HOME-unset}|$(/bin/pwd)\"; /bin/grep '^SigBlk:' /proc/self/status"],
            environment: ["ONLY": "this"],
            inheritsEnvironment: false,
            workingDirectory: URL(fileURLWithPath: "/tmp")
        )
        let child = try RunningProcess(command)
        _ = try await child.waitForExit()
        #expect(child.stdoutLines.first == "this|unset|/tmp", "\(child.transcript)")
        #expect(child.stdoutLines.last == "SigBlk:\t0000000000000000")
    }

    @Test("a child still running when released gets SIGKILL")
    func killedOnRelease() async throws {
        var child: RunningProcess? = try shell("exec sleep 30")
        let pid = try #require(child?.pid)
        child = nil
        let deadline = ContinuousClock.now + .seconds(5)
        // Gone once reaped: kill(pid, 0) then fails with ESRCH.
        while kill(pid, 0) == 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }

    @Test("a daemon the child starts does not hold up the exit")
    func daemon() async throws {
        let child = try shell("sleep 30 >/dev/null 2>&1 & echo $!")
        // Waiting for the daemon would take its 30 s; the limit is loose for a loaded machine.
        let exit = try await child.waitForExit(within: .seconds(10))
        if let daemon = child.stdoutLines.first.flatMap({ Int32($0) }) { kill(daemon, SIGKILL) }
        #expect(exit.status == 0 && !exit.signalled)
    }

    @Test("a missing program is a launch failure")
    func missingProgram() {
        #expect(throws: ProcessFailure.self) { try RunningProcess(Command(executable: URL(fileURLWithPath: "/nonexistent/program"))) }
    }
}
