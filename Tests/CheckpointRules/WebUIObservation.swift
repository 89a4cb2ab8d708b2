/// What the SEC.webui test measured on the running web-ui.
package struct WebUIObservation: Sendable {
    /// What headless Chromium made of the page.
    package struct BrowserVisit: Sendable {
        /// The DOM after the page's script ran (`--dump-dom`).
        package let dom: String
        /// Texts the DOM must hold when the readings rendered (a reference value in its labelled place, say).
        package let expected: [String]
        /// Chromium's log lines about a refused resource or a Content-Security-Policy violation.
        package let violations: [String]

        /// A visit.
        package init(dom: String, expected: [String], violations: [String]) {
            self.dom = dom
            self.expected = expected
            self.violations = violations
        }
    }

    /// The user of every process in the container (`docker top`).
    package let processUsers: [String]
    /// The headers of the page, over HTTPS (names lowercased).
    package let pageHeaders: [String: String]
    /// The headers of an error page (a 404).
    package let errorHeaders: [String: String]
    /// A burst of requests to /api/: how many got each status.
    package let burstStatuses: [Int: Int]
    /// The content types of the burst's 429 answers.
    package let tooManyContentTypes: Set<String>
    /// The browser's visit.
    package let browser: BrowserVisit

    /// The measured web-ui.
    package init(
        processUsers: [String],
        pageHeaders: [String: String],
        errorHeaders: [String: String],
        burstStatuses: [Int: Int],
        tooManyContentTypes: Set<String>,
        browser: BrowserVisit
    ) {
        self.processUsers = processUsers
        self.pageHeaders = pageHeaders
        self.errorHeaders = errorHeaders
        self.burstStatuses = burstStatuses
        self.tooManyContentTypes = tooManyContentTypes
        self.browser = browser
    }
}
