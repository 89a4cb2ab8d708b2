import Foundation

/// Output captured from a real Docker engine (fixtures/engine-samples/), on which the harness's decoders and the
/// checkpoint rules are tested where no engine runs.
package enum EngineSample {
    /// The bytes of fixtures/engine-samples/<name>.
    package static func data(_ name: String) throws -> Data {
        try Data(contentsOf: RepositoryLayout.locate().fixtures.appendingPathComponent("engine-samples/\(name)"))
    }

    /// The text of fixtures/engine-samples/<name>.
    package static func text(_ name: String) throws -> String {
        String(decoding: try data(name), as: UTF8.self)
    }
}
