import CheckpointRules
import Foundation
import ProcessRunning
import StackHarness
import Testing

extension Checkpoints.Security {
    /// Suites without forward secrecy or with CBC, offered alone over TLS 1.2: the server must refuse them all.
    static let weakSuites =
        "AES128-SHA:AES256-SHA:AES128-GCM-SHA256:DES-CBC3-SHA:ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA384"

    @Test(
        "SEC.tls: the web-ui serves HTTPS with TLS 1.2 and 1.3 only, no weak ciphers, the certificate in volumes/tls; plain HTTP only redirects; HSTS is sent",
        arguments: [Requirements.secTLS]
    )
    func secTLS(_ requirement: Requirement) async throws {
        let stack = Stack.shared
        try await stack.ensureRunning()
        let page = try stack.webUIURL("/")
        let port = try #require(page.port, "no port in \(page)")
        // @SECLEVEL=0 lets this client offer what it would refuse by default, so a refusal is the server's.
        let offers: [(String, Bool, [String])] = [
            ("TLS 1.0", false, ["-tls1", "-cipher", "DEFAULT@SECLEVEL=0"]),
            ("TLS 1.1", false, ["-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"]),
            ("TLS 1.2 with \(Self.weakSuites)", false, ["-tls1_2", "-cipher", "\(Self.weakSuites)@SECLEVEL=0"]),
            ("TLS 1.2", true, ["-tls1_2"]),
            ("TLS 1.3", true, ["-tls1_3"]),
        ]
        var handshakes: [TLSObservation.Handshake] = []
        for (offered, shouldSucceed, options) in offers {
            handshakes.append(.init(offered: offered, shouldSucceed: shouldSucceed, agreed: try await OpenSSLProbe.handshake(port: port, options)))
        }
        let served = try await OpenSSLProbe.servedFingerprint(port: port)
        let volume = try await OpenSSLProbe.fingerprint(of: stack.layout.tlsCertificate)

        var redirects: [TLSObservation.Redirect] = []
        for path in ["/", "/api/oracle/reading?datetime=2026-02-06T01%3A15%3A00Z", "/healthz"] {
            let answer = try await WebUIFetch.get(try stack.webUIRedirectURL(path))
            redirects.append(
                .init(
                    url: answer.reply.request,
                    status: answer.reply.status,
                    location: answer.headers["location"],
                    expected: try stack.webUIURL(path).absoluteString
                )
            )
        }
        let hsts = try await WebUIFetch.get(page).headers["strict-transport-security"]
        try await prove(
            Measurement(
                WebUIChecks.tls(
                    TLSObservation(
                        handshakes: handshakes,
                        servesVolumeCertificate: served == volume,
                        redirects: redirects,
                        hsts: hsts,
                        certificateCases: try await Self.certificateCases()
                    )
                ),
                subject: "openssl s_client on \(page.absoluteString), curl on the HTTP port, tls-cert.sh in a scratch infrastructure/",
                limit: requirement.limit
            )
        )
    }

    /// tls-cert.sh in a scratch copy of infrastructure/scripts: makes a pair when none is there, keeps an own pair
    /// byte for byte, refuses a key of another certificate and a lone certificate, naming the file.
    static func certificateCases() async throws -> [TLSObservation.CertificateCase] {
        let layout = Stack.shared.layout
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("nps-tls-\(UUID().uuidString)", isDirectory: true)
        let infrastructure = scratch.appendingPathComponent("infrastructure", isDirectory: true)
        try FileManager.default.createDirectory(at: infrastructure, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.copyItem(at: layout.scripts, to: infrastructure.appendingPathComponent("scripts"))
        let folder = infrastructure.appendingPathComponent("volumes/tls", isDirectory: true)
        let certificate = folder.appendingPathComponent("cert.pem")
        let key = folder.appendingPathComponent("key.pem")
        func run() async throws -> CommandResult {
            try await CommandRunner().capture(
                Command(
                    executable: infrastructure.appendingPathComponent("scripts/tls-cert.sh"),
                    environment: ["DOCKER": "/bin/false", "NO_COLOR": "1"]
                ),
                timeout: .seconds(60)
            )
        }
        func contents(_ file: URL) -> Data? { try? Data(contentsOf: file) }
        var cases: [TLSObservation.CertificateCase] = []

        let made = try await run()
        let names = try await OpenSSLProbe.run(["x509", "-in", certificate.path, "-noout", "-ext", "subjectAltName"]).standardOutput
        cases.append(
            .init(
                name: "none there: a self-signed pair made for 127.0.0.1, and said",
                held: made.succeeded && names.contains("IP Address:127.0.0.1") && made.standardError.contains("made a self-signed certificate"),
                detail: made.transcript + names
            )
        )
        let own = try await OpenSSLProbe.run([
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "30",
            "-subj", "/CN=own", "-keyout", key.path, "-out", certificate.path,
        ])
        let ownBytes = (contents(certificate), contents(key))
        let kept = try await run()
        cases.append(
            .init(
                name: "an own pair kept byte for byte",
                held: own.succeeded && kept.succeeded && contents(certificate) == ownBytes.0 && contents(key) == ownBytes.1,
                detail: kept.transcript
            )
        )
        _ = try await OpenSSLProbe.run(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", key.path])
        let mismatched = try await run()
        cases.append(
            .init(
                name: "a key of another certificate refused, naming key.pem",
                held: !mismatched.succeeded && mismatched.standardError.contains("key.pem is not the key of"),
                detail: mismatched.transcript
            )
        )
        try FileManager.default.removeItem(at: key)
        let lone = try await run()
        cases.append(
            .init(
                name: "a lone cert.pem refused",
                held: !lone.succeeded && lone.standardError.contains("holds only cert.pem"),
                detail: lone.transcript
            )
        )
        return cases
    }
}
