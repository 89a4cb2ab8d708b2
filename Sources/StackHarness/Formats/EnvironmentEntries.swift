/// Docker's "NAME=value" environment lists.
enum EnvironmentEntries {
    /// Splits each entry at its first "="; an entry without one maps to "".
    static func dictionary(from entries: [String]) -> [String: String] {
        var environment: [String: String] = [:]
        for entry in entries {
            let parts = entry.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            environment[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
        }
        return environment
    }
}
