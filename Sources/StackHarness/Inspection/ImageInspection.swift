import Foundation

/// What `docker image inspect <image>` says about one image.
public struct ImageInspection: Sendable, Decodable {
    /// The image ID ("sha256:…").
    public let id: String
    /// Its tags.
    public let repoTags: [String]
    /// Its size in bytes, all layers included.
    public let size: Int64
    /// The operating system, e.g. "linux".
    public let os: String
    /// The CPU architecture, e.g. "amd64".
    public let architecture: String
    /// When it was built.
    public let created: Date?
    /// How it runs by default.
    public let config: ImageConfig

    private enum CodingKeys: String, CodingKey {
        case id = "Id"
        case repoTags = "RepoTags"
        case size = "Size"
        case os = "Os"
        case architecture = "Architecture"
        case created = "Created"
        case config = "Config"
    }

    /// Decodes one element of `docker image inspect`'s array.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        repoTags = try container.decodeIfPresent([String].self, forKey: .repoTags) ?? []
        size = try container.decode(Int64.self, forKey: .size)
        os = try container.decodeIfPresent(String.self, forKey: .os) ?? ""
        architecture = try container.decodeIfPresent(String.self, forKey: .architecture) ?? ""
        created = try container.decodeDockerTime(forKey: .created)
        config = try container.decode(ImageConfig.self, forKey: .config)
    }

    /// Decodes the output of `docker image inspect` (a JSON array) for exactly one image.
    public static func decode(_ data: Data) throws -> ImageInspection {
        let all = try JSONDecoder().decode([ImageInspection].self, from: data)
        guard all.count == 1, let only = all.first else {
            throw HarnessError.undecodable(what: "docker image inspect output", reason: "expected one image, found \(all.count)")
        }
        return only
    }
}
