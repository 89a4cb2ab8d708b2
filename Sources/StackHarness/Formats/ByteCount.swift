import Foundation

/// Byte counts as Docker and Compose write them: "1073741824", "1g", "256m", "74.8MB", "1.2GiB".
package enum ByteCount {
    /// Parses a plain count or a number with a unit; `nil` if it is neither.
    // Compose's single letters (b, k, m, g) and "KiB"-style units are powers of 1024; the "kB"/"MB"/"GB"
    // that `docker history` prints are powers of 1000.
    package static func parse(_ text: String) -> Int64? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let plain = Int64(trimmed) { return plain }
        let number = trimmed.prefix { $0.isNumber || $0 == "." }
        let unit = trimmed.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        guard let amount = Double(number), let scale = multipliers[unit] ?? multipliers[unit.lowercased()] else { return nil }
        return Int64((amount * scale).rounded())
    }

    // Exact-case entries first (decimal "MB" differs from binary "m"); lowercase ones catch "1G", "256M".
    private static let multipliers: [String: Double] = [
        "b": 1, "B": 1,
        "k": 1_024, "m": 1_048_576, "g": 1_073_741_824, "t": 1_099_511_627_776,
        "kb": 1_024, "mb": 1_048_576, "gb": 1_073_741_824,
        "kB": 1_000, "KB": 1_000, "MB": 1_000_000, "GB": 1_000_000_000, "TB": 1_000_000_000_000,
        "KiB": 1_024, "MiB": 1_048_576, "GiB": 1_073_741_824, "TiB": 1_099_511_627_776,
    ]
}
