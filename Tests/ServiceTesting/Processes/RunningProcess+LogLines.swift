import ProcessRunning

/// A binary under test, read as the JSON log lines it prints: its messages, and the ports its listeners announce.
extension RunningProcess {
    /// The `message` of every stdout line that is a JSON object, in order.
    package var logMessages: [String] { stdoutLines.compactMap(ServiceLogLine.message(of:)) }

    /// Waits for a JSON log line on `stream` whose `message` satisfies `predicate` and returns the line.
    @discardableResult
    package func waitForLogMessage(
        on stream: StandardStream = .stdout,
        within limit: Duration = .seconds(10),
        where predicate: (String) -> Bool
    ) async throws -> String {
        try await waitForLine(on: stream, within: limit) { ServiceLogLine.message(of: $0).map(predicate) ?? false }
    }

    /// Waits for the service runtime's "gRPC server listening on N" line and returns N.
    package func waitForGRPCPort(within limit: Duration = .seconds(15)) async throws -> Int {
        try await waitForPort(announcedBy: "gRPC server listening on ", after: " ", within: limit)
    }

    /// Waits for Hummingbird's "Server started and listening on HOST:N" line and returns N.
    package func waitForHTTPPort(within limit: Duration = .seconds(15)) async throws -> Int {
        try await waitForPort(announcedBy: "Server started and listening on ", after: ":", within: limit)
    }

    // The number after the last `separator` of the first message that starts with `prefix`.
    private func waitForPort(announcedBy prefix: String, after separator: Character, within limit: Duration) async throws -> Int {
        let line = try await waitForLogMessage(within: limit) { $0.hasPrefix(prefix) }
        guard let port = ServiceLogLine.message(of: line)?.split(separator: separator).last.flatMap({ Int($0) }) else {
            throw ProcessFailure.wait(problem: "no port in the line '\(line)'", transcript: transcript)
        }
        return port
    }
}
