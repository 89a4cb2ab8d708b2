/// What SEC.aikey measured: one reading through an Oracle with a key whose Messages API host redirects every request.
package struct AIKeyRun: Sendable {
    /// The Oracle's `ANTHROPIC_BASE_URL`, as the engine ran it.
    package let baseURL: String
    /// The key the Oracle was given.
    package let key: String
    /// The status the configured host answered every request with.
    package let redirectStatus: Int
    /// The requests the configured (redirecting) host recorded, one JSON object a line (fixtures/messages-api-stand-in).
    package let configuredHostRecords: String
    /// The requests the redirect's target recorded, in the same form.
    package let targetRecords: String
    /// What the target answers a Messages API request with: a summary holding it means the redirect was followed.
    package let targetReply: String
    /// The reading asked of the Oracle meanwhile.
    package let reading: HTTPReply
    /// The Oracle's stdout and stderr.
    package let oracleLogs: String

    /// A record from its parts.
    package init(
        baseURL: String,
        key: String,
        redirectStatus: Int,
        configuredHostRecords: String,
        targetRecords: String,
        targetReply: String,
        reading: HTTPReply,
        oracleLogs: String
    ) {
        self.baseURL = baseURL
        self.key = key
        self.redirectStatus = redirectStatus
        self.configuredHostRecords = configuredHostRecords
        self.targetRecords = targetRecords
        self.targetReply = targetReply
        self.reading = reading
        self.oracleLogs = oracleLogs
    }
}
