import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness

/// HTTPS (and its plain-HTTP redirect) from the harness to the web-ui through `curl`, trusting the stack's own
/// certificate (infrastructure/volumes/tls/cert.pem): Foundation's URLSession on Linux cannot be told to trust one.
enum WebUIFetch {
    /// One answer: the reply and every response header.
    struct Answer: Sendable {
        /// Status, body, time and content type.
        let reply: HTTPReply
        /// The HTTP version curl spoke ("2", "1.1").
        let httpVersion: String
        /// The response headers, names lowercased (the last one wins when a name repeats).
        let headers: [String: String]
    }

    /// `curl` was not found; the description says how to install it.
    struct CurlMissing: Error, CustomStringConvertible {
        /// The one line the test fails with.
        let description = "curl is needed to reach the web-ui over HTTPS: apt-get install curl (dev/test.sh installs it)"
    }

    /// `GET url` (no redirect followed) with the extra `headers` ("Name: value"); throws only when no HTTP answer came.
    static func get(_ url: URL, headers: [String] = [], timeout: Duration = .seconds(10)) async throws -> Answer {
        guard let curl = Command.program("curl") else { throw CurlMissing() }
        let certificate = try RepositoryLayout.locate().tlsCertificate
        let arguments =
            ["--silent", "--show-error", "--include", "--max-time", String(timeout.inSeconds), "--cacert", certificate.path]
            + headers.flatMap { ["--header", $0] } + [url.absoluteString]
        let clock = ContinuousClock()
        let start = clock.now
        let result = try await CommandRunner().capture(Command(executable: curl, arguments: arguments), timeout: timeout + .seconds(5))
        let elapsed = clock.now - start
        guard result.succeeded else { throw CommandFailure(result: result) }
        return try parse(result.standardOutputData, request: "GET \(url.absoluteString)", elapsed: elapsed)
    }

    /// `count` GETs of `url` at once (curl's --parallel, up to 50 in flight): each answer's status and content type.
    static func burst(_ url: URL, count: Int) async throws -> [(status: Int, contentType: String)] {
        guard let curl = Command.program("curl") else { throw CurlMissing() }
        let certificate = try RepositoryLayout.locate().tlsCertificate
        let arguments =
            [
                "--silent", "--show-error", "--parallel", "--parallel-immediate", "--parallel-max", "50", "--max-time", "20",
                "--cacert", certificate.path, "--write-out", "%{http_code} %{content_type}\\n",
            ] + Array(repeating: [url.absoluteString, "--output", "/dev/null"], count: count).joined()
        let result = try await CommandRunner().capture(Command(executable: curl, arguments: arguments), timeout: .seconds(60))
        guard result.succeeded else { throw CommandFailure(result: result) }
        return result.standardOutput.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", maxSplits: 1)
            return fields.first.flatMap { Int($0) }.map { ($0, fields.count > 1 ? String(fields[1]) : "") }
        }
    }

    /// Splits curl's `--include` output into the status line, headers and body.
    static func parse(_ output: Data, request: String, elapsed: Duration) throws -> Answer {
        let separator = Data("\r\n\r\n".utf8)
        guard let end = output.range(of: separator) else {
            throw HarnessError.undecodable(what: "curl's answer to \(request)", reason: "no end of headers")
        }
        let head = String(decoding: output[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = head.first?.split(separator: " ") ?? []
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/"), let status = Int(statusLine[1]) else {
            throw HarnessError.undecodable(what: "curl's status line for \(request)", reason: head.first ?? "")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let reply = HTTPReply(
            request: request,
            status: status,
            body: Data(output[end.upperBound...]),
            elapsed: elapsed,
            contentType: headers["content-type"]
        )
        return Answer(reply: reply, httpVersion: String(statusLine[0].dropFirst("HTTP/".count)), headers: headers)
    }
}
