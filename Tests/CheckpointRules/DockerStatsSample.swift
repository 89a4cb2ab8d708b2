import Foundation
import StackHarness

/// One line of `docker stats --no-stream --format '{{json .}}'`: a container's CPU and memory at one moment.
package struct DockerStatsSample: Sendable, Hashable, Decodable {
    /// The container name.
    package let name: String
    /// CPU use in percent of one CPU ("87.5%" → 87.5); 100 is one whole CPU.
    package let cpuPercent: Double
    /// Memory in use, in bytes (the left side of "6.7MiB / 1GiB").
    package let memoryBytes: Int64
    /// The memory limit the engine reports, in bytes (the right side).
    package let memoryLimitBytes: Int64

    private enum CodingKeys: String, CodingKey {
        case name = "Name"
        case cpuPercent = "CPUPerc"
        case memoryUsage = "MemUsage"
    }

    /// Decodes the text fields docker prints ("12.34%", "6.703MiB / 1GiB").
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        let cpu = try container.decode(String.self, forKey: .cpuPercent)
        guard let percent = Double(cpu.trimmingCharacters(in: CharacterSet(charactersIn: "% "))) else {
            throw DecodingError.dataCorruptedError(forKey: .cpuPercent, in: container, debugDescription: "not a percentage: \(cpu)")
        }
        cpuPercent = percent
        let usage = try container.decode(String.self, forKey: .memoryUsage)
        let sides = usage.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
        guard sides.count == 2, let used = ByteCount.parse(sides[0]), let limit = ByteCount.parse(sides[1]) else {
            throw DecodingError.dataCorruptedError(forKey: .memoryUsage, in: container, debugDescription: "not \"used / limit\": \(usage)")
        }
        memoryBytes = used
        memoryLimitBytes = limit
    }
}
