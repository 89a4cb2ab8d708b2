import Foundation
import Testing

@testable import OracleService

/// AES-256-GCM of stored insights under a key derived from NPS_MASTER_PASSWORD.
@Suite("Insight encryption at rest")
struct InsightCipherTests {
    static let cipher = InsightCipher(masterPassword: "test-master-password")

    @Test(
        "seal then open gives the plaintext back, for empty, ASCII and non-ASCII text",
        arguments: [
            "", "Tested 5000000000 keys at 2000000 keys/s.", "Ünïcødé ☀🌙 — 数字", String(repeating: "x", count: 100_000),
        ]
    )
    func roundTrip(plaintext: String) throws {
        let sealed = try Self.cipher.seal(plaintext)
        #expect(sealed.hasPrefix("v1:"))
        #expect(try Self.cipher.open(sealed) == plaintext)
        // A second cipher from the same password (a restarted service) reads it too.
        #expect(try InsightCipher(masterPassword: "test-master-password").open(sealed) == plaintext)
    }

    @Test("The stored form is v1: + base64 of 12-byte nonce, ciphertext and 16-byte tag, and does not contain the plaintext")
    func storedForm() throws {
        let plaintext = "a secret insight"
        let sealed = try Self.cipher.seal(plaintext)
        let data = try #require(Data(base64Encoded: String(sealed.dropFirst(3))))
        #expect(data.count == 12 + plaintext.utf8.count + 16)
        #expect(!sealed.contains(plaintext))
        #expect(data.range(of: Data(plaintext.utf8)) == nil)
    }

    @Test("Sealing the same text twice gives different ciphertexts (fresh nonce each time)")
    func freshNonce() throws {
        let sealed = try (0..<20).map { _ in try Self.cipher.seal("same text") }
        #expect(Set(sealed).count == 20)
        let nonces = sealed.map { Data(base64Encoded: String($0.dropFirst(3)))!.prefix(12) }
        #expect(Set(nonces).count == 20)
        #expect(try sealed.map { try Self.cipher.open($0) } == Array(repeating: "same text", count: 20))
    }

    @Test("A different master password cannot open it: notAuthentic")
    func wrongPassword() throws {
        let sealed = try Self.cipher.seal("for the right key only")
        let error = #expect(throws: InsightCipher.Failure.self) {
            try InsightCipher(masterPassword: "test-master-passworD").open(sealed)
        }
        guard case .notAuthentic = error else {
            Issue.record("expected notAuthentic, got \(String(describing: error))")
            return
        }
    }

    @Test("Any changed byte of nonce, ciphertext or tag is detected: notAuthentic", arguments: [0, 11, 12, 20, -1])
    func tampered(byteIndex: Int) throws {
        let sealed = try Self.cipher.seal("do not tamper with me")
        var data = try #require(Data(base64Encoded: String(sealed.dropFirst(3))))
        let index = byteIndex >= 0 ? byteIndex : data.count + byteIndex
        data[index] ^= 0x01
        let error = #expect(throws: InsightCipher.Failure.self) { try Self.cipher.open("v1:" + data.base64EncodedString()) }
        guard case .notAuthentic = error else {
            Issue.record("expected notAuthentic, got \(String(describing: error))")
            return
        }
    }

    @Test(
        "Text that is not in the v1 format is unknownFormat",
        arguments: [
            "plain text", "v2:AAAA", "v1:not base64!", "",
        ]
    )
    func unknownFormat(stored: String) throws {
        let error = #expect(throws: InsightCipher.Failure.self) { try Self.cipher.open(stored) }
        guard case .unknownFormat = error else {
            Issue.record("expected unknownFormat, got \(String(describing: error))")
            return
        }
    }

    @Test("A truncated v1 text (shorter than nonce + tag) is an error, not a crash")
    func truncated() throws {
        #expect(throws: InsightCipher.Failure.self) { try Self.cipher.open("v1:" + Data([1, 2, 3]).base64EncodedString()) }
        #expect(throws: InsightCipher.Failure.self) { try Self.cipher.open("v1:") }
    }
}
