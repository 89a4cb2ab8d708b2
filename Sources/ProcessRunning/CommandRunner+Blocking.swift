extension CommandRunner {
    /// Runs a short command to its end on the calling thread, for the few answers needed where no `await` is possible
    /// (the docker CLI, chosen while the shared stack is created); it has no time limit, so the command needs its own.
    package func captureBlocking(_ command: Command) throws -> CommandResult {
        let output = OutputBytes()
        let child = try LaunchedProcess.launchBlocking(command, into: output)
        return Self.result(of: child, exit: child.finishedBlocking(), timedOut: false, output: output)
    }
}
