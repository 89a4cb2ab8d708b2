import Foundation

/// Output captured from this machine's Docker engine (Samples/), read as a test resource.
enum Sample {
    /// The bytes of Samples/<name>.
    static func data(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Samples") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Samples/\(name)"])
        }
        return try Data(contentsOf: url)
    }

    /// The text of Samples/<name>.
    static func text(_ name: String) throws -> String {
        String(decoding: try data(name), as: UTF8.self)
    }
}
