import Foundation

/// Hides the stack's secret values in the text the harness writes: every occurrence of one, as written or in a form
/// another writer gives it (percent-encoded in a URL, escaped in JSON, XML or a Markdown table), becomes `[redacted NAME]`.
package struct SecretRedaction: Sendable {
    /// The env-file variables whose values are the stack's secrets.
    package static let secretVariables = ["POSTGRES_PASSWORD", "ORACLE_DB_PASSWORD", "NPS_MASTER_PASSWORD", "ANTHROPIC_API_KEY"]
    /// Values shorter than this are neither hidden nor searched for: a short value ("nps") would match ordinary words.
    package static let shortestSecret = 8

    /// The hidden values by variable name (those of at least `shortestSecret` characters).
    package let secrets: [String: String]
    // Every form of every value, with the names whose value it is, grouped by first byte and longest first, so that
    // a scan tries only the forms that can start at a byte and prefers the longest.
    private let formsByFirstByte: [UInt8: [(form: [UInt8], names: [String])]]

    /// Hides `secrets` (values by name); with none, text passes unchanged.
    package init(secrets: [String: String] = [:]) {
        let kept = secrets.filter { $0.value.count >= Self.shortestSecret }
        var namesByForm: [[UInt8]: Set<String>] = [:]
        for (name, value) in kept {
            for form in Self.forms(of: value) { namesByForm[Array(form.utf8), default: []].insert(name) }
        }
        self.secrets = kept
        formsByFirstByte = Dictionary(grouping: namesByForm.map { (form: $0.key, names: $0.value.sorted()) }) { $0.form[0] }
            .mapValues { forms in forms.sorted { $0.form.count > $1.form.count } }
    }

    /// Hides the values of `secretVariables` in `environment`, placeholders included: a placeholder is the value the
    /// stack then runs with.
    package init(environment: EnvFile) {
        self.init(secrets: Dictionary(uniqueKeysWithValues: Self.secretVariables.compactMap { name in environment[name].map { (name, $0.value) } }))
    }

    /// Hides the secrets of the env file the repository's stack runs with: infrastructure/.env, else .env.example.
    package init(layout: RepositoryLayout) throws {
        let file =
            FileManager.default.fileExists(atPath: layout.environmentFile.path) ? layout.environmentFile : layout.environmentExample
        self.init(environment: try EnvFile(contentsOf: file))
    }

    /// `text` with every secret replaced by `[redacted NAME]`; secrets that overlap in the text are hidden as one
    /// span naming each, so no fragment of either is left.
    package func redact(_ text: String) -> String {
        guard !formsByFirstByte.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard let first = longestForm(in: bytes, at: index) else {
                output.append(bytes[index])
                index += 1
                continue
            }
            var end = index + first.form.count
            var names = first.names
            var next = index + 1
            while next < end {
                if let overlapping = longestForm(in: bytes, at: next), next + overlapping.form.count > end {
                    end = next + overlapping.form.count
                    names += overlapping.names.filter { !names.contains($0) }
                }
                next += 1
            }
            output += Array("[redacted \(names.joined(separator: ", "))]".utf8)
            index = end
        }
        return String(decoding: output, as: UTF8.self)
    }

    // The longest form that starts at `index`. A form is valid UTF-8, so it can only match from a character's first byte.
    private func longestForm(in bytes: [UInt8], at index: Int) -> (form: [UInt8], names: [String])? {
        formsByFirstByte[bytes[index]]?.first { bytes[index...].starts(with: $0.form) }
    }

    // A value as the harness's writers may carry it: as is; percent-encoded in a URL's password (DATABASE_URL) or
    // strictly; in a JSON string as Foundation writes it (with and without `\/`) and as Go does for `docker inspect`
    // (`<`, `>`, `&` as \u escapes); in XML or HTML text; in a Markdown table cell.
    private static func forms(of value: String) -> Set<String> {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let json = jsonEscaped(value)
        return [
            value,
            value.addingPercentEncoding(withAllowedCharacters: .urlPasswordAllowed) ?? value,
            value.addingPercentEncoding(withAllowedCharacters: unreserved) ?? value,
            json,
            json.replacingOccurrences(of: "/", with: "\\/"),
            json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
                .replacingOccurrences(of: "&", with: "\\u0026"),
            value.xmlEscaped,
            ReportDocument.cell(value),
        ]
    }

    // The inside of a JSON string holding `value`, `/` left as is.
    private static func jsonEscaped(_ value: String) -> String {
        var escaped = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case "\u{8}": escaped += "\\b"
            case "\u{C}": escaped += "\\f"
            case _ where scalar.value < 0x20: escaped += String(format: "\\u%04x", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
