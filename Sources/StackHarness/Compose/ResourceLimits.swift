/// A service's `deploy.resources.limits`.
package struct ResourceLimits: Sendable, Hashable {
    /// The CPU limit in CPUs (0.5 = half a CPU), `nil` if unset.
    package let cpus: Double?
    /// The memory limit in bytes, `nil` if unset.
    package let memoryBytes: Int64?

    /// Reads `limits`; Compose writes cpus as a number or string and memory as bytes (number or string) or "1g".
    init(compose json: JSONValue) {
        cpus = json["cpus"]?.double
        memoryBytes = json["memory"]?.int64 ?? json["memory"]?.string.flatMap(ByteCount.parse)
    }

    /// The CPU limit as the engine stores it (`HostConfig.NanoCpus`).
    package var nanoCpus: Int64? { cpus.map { Int64(($0 * 1e9).rounded()) } }
}
