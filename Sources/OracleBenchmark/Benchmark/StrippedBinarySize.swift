import Foundation
import ProcessRunning

/// The size of the server's binary without its symbols, as the image ships it (the Dockerfile strips it): what the
/// build and its dependencies weigh, apart from the symbols SwiftPM keeps for profiling.
enum StrippedBinarySize {
    /// `binary`'s size in MB (10^6 bytes, as `docker images` counts) after `strip` into a scratch copy, or why it
    /// could not be measured (no `strip`, or it failed).
    static func megabytes(of binary: String) async -> Result<Double, BenchmarkFailure> {
        guard let strip = Command.program("strip") else {
            return .failure(BenchmarkFailure(message: "strip is missing (Debian's binutils)"))
        }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("nps-oracle-stripped-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        do {
            let result = try await CommandRunner().capture(Command(executable: strip, arguments: ["-o", copy.path, binary]), timeout: .seconds(60))
            guard result.succeeded else {
                return .failure(BenchmarkFailure(message: "strip ended with \(result.ending): \(result.standardError)"))
            }
            let bytes = try FileManager.default.attributesOfItem(atPath: copy.path)[.size] as? Int ?? 0
            return .success(Double(bytes) / 1_000_000)
        } catch {
            return .failure(BenchmarkFailure(message: "strip could not be run: \(error)"))
        }
    }
}
