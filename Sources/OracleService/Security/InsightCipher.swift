import Crypto

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Encrypts insight content at rest with AES-256-GCM under a key derived from `NPS_MASTER_PASSWORD`.
///
/// Stored form: `v1:` followed by base64 of nonce ‖ ciphertext ‖ tag, so a future key scheme can coexist.
struct InsightCipher: Sendable {
    /// Why stored content could not be read back.
    enum Failure: Error, CustomStringConvertible {
        case unknownFormat
        case notAuthentic

        var description: String {
            switch self {
            case .unknownFormat: "stored insight is not in the v1 format"
            case .notAuthentic: "stored insight does not decrypt with this NPS_MASTER_PASSWORD"
            }
        }
    }

    private static let prefix = "v1:"
    private let key: SymmetricKey

    /// Derives the key from the master password with HKDF-SHA256 and a fixed, purpose-bound salt.
    init(masterPassword: String) {
        key = HKDF<SHA256>.deriveKey(
            inputKeyMaterial: SymmetricKey(data: Data(masterPassword.utf8)),
            salt: Data("nps-stack/oracle/insights".utf8),
            info: Data("aes-256-gcm v1".utf8),
            outputByteCount: 32
        )
    }

    /// Returns the stored form of `plaintext`.
    func seal(_ plaintext: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: key)
        guard let combined = box.combined else { throw Failure.unknownFormat }
        return Self.prefix + combined.base64EncodedString()
    }

    /// Returns the plaintext of a stored form made by `seal`.
    func open(_ stored: String) throws -> String {
        guard stored.hasPrefix(Self.prefix), let data = Data(base64Encoded: String(stored.dropFirst(Self.prefix.count))) else {
            throw Failure.unknownFormat
        }
        do {
            let box = try AES.GCM.SealedBox(combined: data)
            return String(decoding: try AES.GCM.open(box, using: key), as: UTF8.self)
        } catch {
            throw Failure.notAuthentic
        }
    }
}
