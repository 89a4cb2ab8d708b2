import Foundation
import ProcessRunning

/// The `openssl` command line as a TLS client and certificate reader, for SEC.tls and the browser's certificate pin.
enum OpenSSLProbe {
    /// `openssl` was not found; the description says how to install it.
    struct Missing: Error, CustomStringConvertible {
        /// The one line the test fails with.
        let description = "openssl is needed to probe the web-ui's TLS: apt-get install openssl"
    }

    /// The protocol and cipher agreed with 127.0.0.1:`port` offering `options` (e.g. ["-tls1_2", "-cipher", "…"]),
    /// nil when the server refused the handshake.
    static func handshake(port: Int, _ options: [String]) async throws -> String? {
        let result = try await run(["s_client", "-connect", "127.0.0.1:\(port)", "-brief"] + options)
        let lines = result.transcript.split(separator: "\n")
        guard lines.contains("CONNECTION ESTABLISHED") else { return nil }
        let value = { (label: String) in lines.first { $0.hasPrefix(label) }.map { $0.dropFirst(label.count).trimmingCharacters(in: .whitespaces) } }
        return [value("Protocol version:"), value("Ciphersuite:")].compactMap { $0 }.joined(separator: " ")
    }

    /// The SHA-256 fingerprint of the certificate 127.0.0.1:`port` serves.
    static func servedFingerprint(port: Int) async throws -> String {
        try await pipeline(
            "openssl s_client -connect \"127.0.0.1:$1\" -showcerts </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256",
            "\(port)"
        )
    }

    /// The SHA-256 fingerprint of the PEM certificate at `file`.
    static func fingerprint(of file: URL) async throws -> String {
        try await pipeline("openssl x509 -in \"$1\" -noout -fingerprint -sha256", file.path)
    }

    /// The base64 SHA-256 of the certificate's public key: what Chromium's `--ignore-certificate-errors-spki-list` pins.
    static func publicKeyPin(of file: URL) async throws -> String {
        try await pipeline(
            "openssl x509 -in \"$1\" -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64",
            file.path
        )
    }

    /// `openssl arguments…` with no input, whatever its exit status.
    static func run(_ arguments: [String]) async throws -> CommandResult {
        guard let openssl = Command.program("openssl") else { throw Missing() }
        return try await CommandRunner().capture(Command(executable: openssl, arguments: arguments), timeout: .seconds(20))
    }

    // A fixed shell pipeline of openssl commands with `argument` as $1 (never pasted into the script); its trimmed
    // output, which must not be empty.
    private static func pipeline(_ script: String, _ argument: String) async throws -> String {
        guard Command.program("openssl") != nil, let bash = Command.program("bash") else { throw Missing() }
        let result = try await CommandRunner().capture(
            Command(executable: bash, arguments: ["-o", "pipefail", "-c", script, "openssl", argument]),
            timeout: .seconds(20)
        )
        let output = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.succeeded, !output.isEmpty else { throw CommandFailure(result: result) }
        return output
    }
}
