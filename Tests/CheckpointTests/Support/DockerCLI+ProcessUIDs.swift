import Foundation
import StackHarness

extension DockerCLI {
    /// The uid of every process in `container`, as `docker top` reads them on the host: an image without a shell or
    /// `id` has no way to answer `docker exec`.
    func processUIDs(_ container: String) async throws -> [String] {
        // The engine needs the PID column; the uid is the second.
        let top = try await run(["top", container, "-eo", "pid,uid,args"], timeout: .seconds(30))
        return top.standardOutput.split(separator: "\n").dropFirst().compactMap { line in
            let fields = line.split(separator: " ")
            return fields.count > 1 ? String(fields[1]) : nil
        }
    }
}
