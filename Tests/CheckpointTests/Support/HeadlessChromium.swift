import Foundation
import ProcessRunning

/// Debian's Chromium without a screen, loading a page of the stack as a user's browser would: it runs the page's
/// script under the page's Content-Security-Policy and reports what it refused.
struct HeadlessChromium: Sendable {
    /// Chromium was not found; the description says how to install it.
    struct Missing: Error, CustomStringConvertible {
        /// The one line the test fails with.
        let description = "chromium is needed for the web-ui's browser test: apt-get install chromium (dev/test.sh installs it)"
    }

    /// How long the page's timers and fetches may run before the DOM is read: without it the dump comes before them.
    static let virtualTimeBudgetMilliseconds = 10_000

    /// The browser.
    let executable: URL
    /// The base64 SHA-256 of the public key the page's certificate must have (the stack's self-signed one), so that
    /// certificate alone is accepted without a CA.
    let publicKeyPin: String

    /// Chromium from PATH, pinning `publicKeyPin`.
    init(publicKeyPin: String) throws {
        guard let found = Command.program("chromium") ?? Command.program("chromium-browser") else { throw Missing() }
        executable = found
        self.publicKeyPin = publicKeyPin
    }

    /// The DOM of `url` once its script ran, and Chromium's log lines about refused resources and CSP violations.
    func dump(_ url: URL) async throws -> (dom: String, violations: [String]) {
        let result = try await run(["--enable-logging=stderr", "--v=0", "--dump-dom", url.absoluteString])
        guard result.succeeded else { throw CommandFailure(result: result) }
        let violations = result.standardError.split(separator: "\n").filter {
            $0.contains("Content Security Policy") || $0.contains("Refused to")
        }
        return (result.standardOutput, violations.map(String.init))
    }

    /// A 1200 × 1600 screenshot of `url` into `file`.
    func screenshot(_ url: URL, to file: URL) async throws {
        let result = try await run(["--hide-scrollbars", "--window-size=1200,1600", "--screenshot=\(file.path)", url.absoluteString])
        guard result.succeeded, FileManager.default.fileExists(atPath: file.path) else { throw CommandFailure(result: result) }
    }

    // --no-sandbox: the tests run as root, where Chromium's sandbox will not start. A profile of its own per run, so
    // two runs never share (or lock) one.
    private func run(_ arguments: [String]) async throws -> CommandResult {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("nps-chromium-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: profile) }
        let common = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
            "--ignore-certificate-errors-spki-list=\(publicKeyPin)", "--virtual-time-budget=\(Self.virtualTimeBudgetMilliseconds)",
        ]
        return try await CommandRunner().capture(Command(executable: executable, arguments: common + arguments), timeout: .seconds(90))
    }
}
