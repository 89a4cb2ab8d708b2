import Foundation

/// What one load mode measured: printed as one JSON line with snake_case field names (`wall_seconds`), and the exit
/// status it implies.
protocol LoadReport: Encodable, Sendable {
    /// 0 when every call succeeded (or the Oracle became ready), 1 when not.
    var exitStatus: Int32 { get }
}

/// Printing a report.
extension LoadReport {
    /// The report as one line of JSON: snake_case keys in alphabetical order, absent optionals left out.
    func jsonLine() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
