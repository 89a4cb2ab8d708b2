import Foundation
import StackHarness
import Testing

@Suite("secret redaction")
struct SecretRedactionTests {
    @Test("every occurrence of a value becomes [redacted NAME]; short values and other text stay")
    func plainValues() {
        let redaction = SecretRedaction(secrets: ["POSTGRES_PASSWORD": "0f3a9c2e71b4", "NPS_MASTER_PASSWORD": "vault-key-42", "POSTGRES_USER": "nps"])
        #expect(redaction.secrets == ["POSTGRES_PASSWORD": "0f3a9c2e71b4", "NPS_MASTER_PASSWORD": "vault-key-42"])
        #expect(
            redaction.redact("login nps:0f3a9c2e71b4, again 0f3a9c2e71b4; key vault-key-42\nnps")
                == "login nps:[redacted POSTGRES_PASSWORD], again [redacted POSTGRES_PASSWORD]; key [redacted NPS_MASTER_PASSWORD]\nnps"
        )
        #expect(redaction.redact("nothing secret: 0f3a9c2e71b") == "nothing secret: 0f3a9c2e71b")
        #expect(SecretRedaction().redact("0f3a9c2e71b4") == "0f3a9c2e71b4")
    }

    @Test("the env file's secret variables of at least 8 characters, placeholders included")
    func fromEnvironment() {
        let environment = EnvFile(
            text: """
                POSTGRES_USER=nps
                POSTGRES_PASSWORD=change-me-postgres-password
                ORACLE_DB_PASSWORD=short
                NPS_MASTER_PASSWORD="two words here"
                ANTHROPIC_API_KEY=your_claude_api_key_here
                LOG_LEVEL=INFO-LEVEL-TEXT
                """
        )
        #expect(
            SecretRedaction(environment: environment).secrets == [
                "POSTGRES_PASSWORD": "change-me-postgres-password", "NPS_MASTER_PASSWORD": "two words here",
                "ANTHROPIC_API_KEY": "your_claude_api_key_here",
            ]
        )
    }

    @Test("a value inside a longer one is hidden by the longer; values overlapping in the text are hidden as one span")
    func overlappingValues() {
        let redaction = SecretRedaction(secrets: ["POSTGRES_PASSWORD": "secret-value", "NPS_MASTER_PASSWORD": "secret-value-longer"])
        #expect(
            redaction.redact("a=secret-value-longer b=secret-value")
                == "a=[redacted NPS_MASTER_PASSWORD] b=[redacted POSTGRES_PASSWORD]"
        )
        let overlapping = SecretRedaction(secrets: ["POSTGRES_PASSWORD": "alpha-bravo-1", "NPS_MASTER_PASSWORD": "bravo-1-charlie"])
        #expect(overlapping.redact("[alpha-bravo-1-charlie]") == "[[redacted POSTGRES_PASSWORD, NPS_MASTER_PASSWORD]]")
        let shared = SecretRedaction(secrets: ["POSTGRES_PASSWORD": "same-password", "ORACLE_DB_PASSWORD": "same-password"])
        #expect(shared.redact("same-password") == "[redacted ORACLE_DB_PASSWORD, POSTGRES_PASSWORD]")
    }

    @Test("a value percent-encoded in a URL, as DATABASE_URL carries it, is hidden")
    func urlEncodedValues() throws {
        let redaction = SecretRedaction(secrets: ["ORACLE_DB_PASSWORD": "p@ss/wörd:1 +x"])
        #expect(
            redaction.redact("postgres://nps_oracle:p%40ss%2Fw%C3%B6rd%3A1%20%2Bx@postgres:5432/nps")
                == "postgres://nps_oracle:[redacted ORACLE_DB_PASSWORD]@postgres:5432/nps"
        )
        let encoded = try #require("p@ss/wörd:1 +x".addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed))
        #expect(redaction.redact("postgres://nps_oracle:\(encoded)@postgres") == "postgres://nps_oracle:[redacted ORACLE_DB_PASSWORD]@postgres")
    }

    @Test("a value escaped in JSON (Foundation's, with and without \\/, and Go's for docker inspect), XML or a Markdown cell is hidden")
    func escapedValues() throws {
        let value = "pa\"ss\\wo/rd<&>|\t'"
        let redaction = SecretRedaction(secrets: ["POSTGRES_PASSWORD": value])
        for formatting in [JSONEncoder.OutputFormatting(), .withoutEscapingSlashes] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = formatting
            let json = String(decoding: try encoder.encode(["env": "POSTGRES_PASSWORD=" + value]), as: UTF8.self)
            #expect(redaction.redact(json) == #"{"env":"POSTGRES_PASSWORD=[redacted POSTGRES_PASSWORD]"}"#, "\(json)")
        }
        let inspect = #""Env": ["POSTGRES_PASSWORD=pa\"ss\\wo/rd\u003c\u0026\u003e|\t'"]"#
        #expect(redaction.redact(inspect) == #""Env": ["POSTGRES_PASSWORD=[redacted POSTGRES_PASSWORD]"]"#)
        #expect(redaction.redact("<b>pa&quot;ss\\wo/rd&lt;&amp;&gt;|\t&#39;</b>") == "<b>[redacted POSTGRES_PASSWORD]</b>")
        #expect(redaction.redact("| pa\"ss\\wo/rd<&>\\|\t' |") == "| [redacted POSTGRES_PASSWORD] |")
    }

    @Test("text around a value keeps every other character, multi-byte ones included")
    func surroundingText() {
        let redaction = SecretRedaction(secrets: ["NPS_MASTER_PASSWORD": "clé-secrète-9"])
        #expect(redaction.redact("→ clé-secrète-9 ✓ clé-secrète") == "→ [redacted NPS_MASTER_PASSWORD] ✓ clé-secrète")
    }
}
