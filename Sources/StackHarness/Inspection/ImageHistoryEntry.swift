import Foundation

/// One layer step of an image, from `docker history --no-trunc --human=false --format '{{json .}}'`.
package struct ImageHistoryEntry: Sendable, Hashable, Decodable {
    /// The instruction that made the step, in full (ENV and LABEL values included: scan these for secrets).
    package let createdBy: String
    /// Bytes the step added.
    package let size: Int64
    /// The step's comment (BuildKit writes "buildkit.dockerfile.v0").
    package let comment: String

    /// The keys as ``DockerJSON`` maps Docker's; written out because `init(from:)` is (the size needs parsing).
    private enum CodingKeys: String, CodingKey {
        case createdBy, size, comment
    }

    /// Decodes one line; the size may be plain bytes or a human size ("74.8MB").
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        createdBy = try container.decode(String.self, forKey: .createdBy)
        let sizeText = try container.decode(String.self, forKey: .size)
        guard let bytes = ByteCount.parse(sizeText) else {
            throw DecodingError.dataCorruptedError(forKey: .size, in: container, debugDescription: "not a size: \(sizeText)")
        }
        size = bytes
        comment = try container.decode(DockerDefault<String>.self, forKey: .comment).wrappedValue
    }

    /// Decodes `docker history` JSON lines, newest step first as Docker prints them.
    package static func decodeLines(_ text: String) throws -> [ImageHistoryEntry] {
        try JSONLines.decode(ImageHistoryEntry.self, from: text)
    }
}
