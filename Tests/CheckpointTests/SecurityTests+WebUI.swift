import CheckpointRules
import Foundation
import StackHarness
import Testing

extension Checkpoints.Security {
    /// The page with the contract's reference moment and a name in its URL, which the page reads into its forms.
    static let webUIPage = "/?datetime=2026-02-06T01%3A15%3A00%2B08%3A00&name=Ada%20Lovelace"

    @Test(
        "SEC.webui: the web-ui runs as non-root, hides its version, sends CSP without unsafe-inline, nosniff, Referrer-Policy and frame-ancestors, rate-limits /api/, and the page works in a real browser",
        arguments: [Requirements.secWebUI]
    )
    func secWebUI(_ requirement: Requirement) async throws {
        let stack = Stack.shared
        try await stack.ensureRunning()
        let users = try await stack.docker.processUIDs(StackServices.container("web-ui"))
        let page = try await WebUIFetch.get(try stack.webUIURL("/"))
        let missing = try await WebUIFetch.get(try stack.webUIURL("/no-such-page"))

        let burst = try await WebUIFetch.burst(try stack.webUIURL("/api/health"), count: Requirements.webUIBurst)
        let statuses = Dictionary(grouping: burst, by: \.status).mapValues(\.count)
        // The limiter refills at 20 a second: let it, so the browser's own calls are not the ones refused.
        try await Task.sleep(for: .seconds(3))

        let certificate = stack.layout.tlsCertificate
        let browser = try HeadlessChromium(publicKeyPin: try await OpenSSLProbe.publicKeyPin(of: certificate))
        let url = try stack.webUIURL(Self.webUIPage)
        let (dom, violations) = try await browser.dump(url)
        try FileManager.default.createDirectory(at: stack.report.directory, withIntermediateDirectories: true)
        try await browser.screenshot(url, to: stack.report.directory.appendingPathComponent("web-ui.png"))
        // The reference moment's life path is 9 and its sign Aquarius (shared/reference); both readings rendered.
        let expected = [
            #"data-loaded="true""#, #"id="health""#, #"data-state="ok""#, #"data-field="life_path""#, ">9<", ">Aquarius<",
            #"data-field="destiny_number""#, #"data-field="letters""#,
        ]
        try await prove(
            Measurement(
                WebUIChecks.webUI(
                    WebUIObservation(
                        processUsers: users,
                        pageHeaders: page.headers,
                        errorHeaders: missing.headers,
                        burstStatuses: statuses,
                        tooManyContentTypes: Set(burst.filter { $0.status == 429 }.map(\.contentType)),
                        browser: .init(dom: dom, expected: expected, violations: violations)
                    )
                ),
                subject:
                    "docker top, curl on https://…/ and a 404, \(Requirements.webUIBurst) parallel GET /api/health, headless Chromium on \(url.absoluteString) (screenshot web-ui.png)",
                limit: requirement.limit
            )
        )
    }
}
