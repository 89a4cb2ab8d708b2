import CheckpointRules
import StackHarness
import Testing

/// SEC.redact on the files a report and a failure bundle wrote: hidden (what the redaction writes), leaking, and a
/// search shown blind by writing that holds no secret even without the redaction.
@Suite("Redaction rule (SEC.redact) on written files")
struct RedactionRules {
    static let secrets = ["POSTGRES_PASSWORD": "0f3a9c2e71b4d5", "SEC_REDACT_MARKER": "nps-redact-marker-1234"]
    // What the harness writes without the redaction: the secrets as they are.
    static let unredacted = [
        "report.json": #"{"subject": "login 0f3a9c2e71b4d5 nps-redact-marker-1234"}"#,
        "failure-bundle/nps-postgres.inspect.txt": #"["POSTGRES_PASSWORD=0f3a9c2e71b4d5"]"#,
        "failure-bundle/compose-ps.txt": "nps-postgres running",
    ]

    @Test("Files that hold no secret pass while the unredacted writing holds every one; the outcome names the variables, never a value")
    func hiddenHolds() {
        let redaction = SecretRedaction(secrets: Self.secrets)
        let written = Self.unredacted.mapValues(redaction.redact)
        let outcome = SecurityChecks.noSecretWritten(written, unredacted: Self.unredacted, secrets: Self.secrets)
        #expect(outcome.passed, "\(outcome.reason)")
        #expect(outcome.id == "SEC.redact")
        #expect(outcome.measured.contains("no value of POSTGRES_PASSWORD, SEC_REDACT_MARKER in the 3 files written"), "\(outcome.measured)")
        #expect(outcome.measured.contains("without the redaction 2 of 3 files hold them"), "\(outcome.measured)")
    }

    @Test("A file holding a secret fails, naming the file and the variable but not the value")
    func leakFails() {
        var written = Self.unredacted.mapValues(SecretRedaction(secrets: Self.secrets).redact)
        written["failure-bundle/nps-oracle.logs.txt"] = "DATABASE_URL=postgres://nps:0f3a9c2e71b4d5@postgres nps-redact-marker-1234"
        let outcome = SecurityChecks.noSecretWritten(written, unredacted: Self.unredacted, secrets: Self.secrets)
        #expect(!outcome.passed)
        #expect(outcome.reason == "failure-bundle/nps-oracle.logs.txt holds the value of POSTGRES_PASSWORD, SEC_REDACT_MARKER", "\(outcome.reason)")
        for value in Self.secrets.values {
            #expect(!outcome.measured.contains(value) && !outcome.reason.contains(value))
        }
    }

    @Test("A search that finds nothing even without the redaction proves nothing: it fails, naming each variable not found")
    func blindSearchFails() {
        var unredacted = Self.unredacted
        unredacted["report.json"] = #"{"subject": "login"}"#
        let outcome = SecurityChecks.noSecretWritten(unredacted, unredacted: unredacted, secrets: Self.secrets)
        #expect(!outcome.passed)
        #expect(outcome.reason.contains("failure-bundle/nps-postgres.inspect.txt holds the value of POSTGRES_PASSWORD"), "\(outcome.reason)")
        #expect(outcome.reason.contains("without the redaction no file holds the value of SEC_REDACT_MARKER"), "\(outcome.reason)")
        #expect(!outcome.reason.contains("no file holds the value of POSTGRES_PASSWORD"), "\(outcome.reason)")
    }

    @Test("No file written, or no secret to search for, fails")
    func nothingSearchedFails() {
        #expect(!SecurityChecks.noSecretWritten([:], unredacted: Self.unredacted, secrets: Self.secrets).passed)
        #expect(!SecurityChecks.noSecretWritten(Self.unredacted, unredacted: Self.unredacted, secrets: [:]).passed)
    }
}
