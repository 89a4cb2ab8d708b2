import Foundation
import ProcessRunning
import ServiceTesting

/// `fixtures/messages-api-stand-in/server.py`, a local stand-in for the Anthropic Messages API, run as a child process.
///
/// Every request to `/v1/messages` (every request, when it redirects) is recorded in a JSON-lines file of its own; see
/// the fixture's README.
final class MessagesAPIStandIn: @unchecked Sendable {
    /// The running stand-in.
    let child: RunningProcess
    /// Its port on 127.0.0.1, read from its first line `LISTENING <port>`.
    let port: Int
    /// Where it records requests.
    let recordFile: String
    private let directory: TemporaryLogDirectory

    /// `ANTHROPIC_BASE_URL` for the Oracle.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts the stand-in on `port` (0: a free one); `delay` seconds before each answer, every answer an HTTP `status`
    /// error when given, `reply` as its text; or, with `redirectTo`, every answer a `redirectStatus` (default 307)
    /// redirect to that URL.
    init(
        port: Int = 0,
        delay: Double? = nil,
        status: Int? = nil,
        reply: String? = nil,
        redirectTo: String? = nil,
        redirectStatus: Int? = nil
    ) async throws {
        directory = try TemporaryLogDirectory()
        recordFile = directory.file("requests.jsonl")
        var arguments = [
            RepositoryPaths.file("fixtures/messages-api-stand-in/server.py").path, "--port", "\(port)", "--record", recordFile, "--quiet",
        ]
        if let delay { arguments += ["--delay", "\(delay)"] }
        if let status { arguments += ["--status", "\(status)"] }
        if let reply { arguments += ["--reply", reply] }
        if let redirectTo { arguments += ["--redirect-to", redirectTo] }
        if let redirectStatus { arguments += ["--redirect-status", "\(redirectStatus)"] }
        child = try RunningProcess(
            Command(
                executable: URL(fileURLWithPath: "/usr/bin/env"),
                arguments: ["python3"] + arguments,
                environment: ChildEnvironment.base,
                inheritsEnvironment: false
            )
        )
        let line = try await child.waitForLine(within: .seconds(10)) { $0.hasPrefix("LISTENING ") }
        guard let port = Int(line.dropFirst("LISTENING ".count)) else {
            throw ProcessFailure.wait(problem: "unreadable first line '\(line)'", transcript: child.transcript)
        }
        self.port = port
    }

    deinit { child.send(SIGTERM) }

    /// The requests recorded so far, each as the README describes: method, path, peer, headers, body, time.
    func requests() throws -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: recordFile) else { return [] }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw ProcessFailure.wait(problem: "recorded line is not an object: \(line)", transcript: child.transcript)
            }
            return object
        }
    }
}
