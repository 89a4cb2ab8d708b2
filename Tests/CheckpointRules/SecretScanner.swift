import Foundation
import StackHarness

/// Looks for secrets in text: Anthropic API keys, `…PASSWORD=`/`…SECRET=`/`…KEY=` assignments with a
/// literal value, passwords inside URLs, and the stack's own secret values from its env file.
/// A `${VAR}` or `$VAR` reference is not a secret: that is how secrets must arrive.
package struct SecretScanner: Sendable {
    /// One secret found.
    package struct Finding: Sendable, Hashable, CustomStringConvertible {
        /// Where it was found, e.g. "nps-oracle history step 3" or "infrastructure/docker-compose.yml line 12".
        package let source: String
        /// What kind of secret it looks like.
        package let kind: String
        /// The secret's first characters only, so the report does not leak it again.
        package let excerpt: String

        package var description: String { "\(kind) in \(source) (\(excerpt))" }
    }

    /// The stack's real secret values by variable name (placeholders and short values left out).
    package let knownSecrets: [String: String]

    /// A scanner that also looks for the given secret values.
    package init(knownSecrets: [String: String] = [:]) {
        self.knownSecrets = knownSecrets
    }

    /// The real values of `SecretRedaction.secretVariables` in `environment`: a value is a placeholder (not searched for)
    /// when it is empty, equals the example's value, or reads like one ("change-me…", "your_…_here").
    package static func secretValues(in environment: EnvFile, example: EnvFile) -> [String: String] {
        var values: [String: String] = [:]
        for name in SecretRedaction.secretVariables {
            guard let value = environment[name]?.value, value.count >= SecretRedaction.shortestSecret,
                value != example[name]?.value, !value.lowercased().hasPrefix("change-me"),
                !(value.hasPrefix("your_") && value.hasSuffix("_here"))
            else { continue }
            values[name] = value
        }
        return values
    }

    /// The secrets in `text`, each line of which is reported as `source line N` (or just `source` for one-line text).
    package func findings(in text: String, source: String) -> [Finding] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().flatMap { index, line in
            findings(inLine: String(line), source: lines.count > 1 ? "\(source) line \(index + 1)" : source)
        }
    }

    /// The secrets an image carries in its build history (each step's instruction), environment and labels.
    package func findings(in image: ImageInspection, history: [ImageHistoryEntry], name: String) -> [Finding] {
        // Docker lists history newest first; number the steps oldest first, as the Dockerfile reads.
        let steps = history.reversed().enumerated().flatMap { index, entry in
            findings(in: entry.createdBy, source: "\(name) history step \(index + 1)")
        }
        let environment = image.config.env.flatMap { findings(in: $0, source: "\(name) ENV") }
        let labels = image.config.labels.keys.sorted().flatMap { key in
            findings(in: "\(key)=\(image.config.labels[key] ?? "")", source: "\(name) LABEL \(key)")
        }
        return steps + environment + labels
    }

    private func findings(inLine line: String, source: String) -> [Finding] {
        var found: [Finding] = []
        for match in Self.matches(Self.apiKey, in: line) {
            found.append(Finding(source: source, kind: "an Anthropic API key", excerpt: Self.masked(match[0])))
        }
        for match in Self.matches(Self.assignment, in: line) where !Self.isReference(match[2]) {
            found.append(Finding(source: source, kind: "a literal value for \(match[1])", excerpt: Self.masked(match[2])))
        }
        for match in Self.matches(Self.urlPassword, in: line) where !Self.isReference(match[1]) {
            found.append(Finding(source: source, kind: "a password in a URL", excerpt: Self.masked(match[1])))
        }
        for name in knownSecrets.keys.sorted() {
            if let value = knownSecrets[name], line.contains(value) {
                found.append(Finding(source: source, kind: "the value of \(name) from the env file", excerpt: Self.masked(value)))
            }
        }
        return found
    }

    // "sk-ant-" and the key's characters.
    private static let apiKey = try! NSRegularExpression(pattern: "sk-ant-[A-Za-z0-9_-]+")
    // NAME=value or NAME: value where NAME is PASSWORD, SECRET or KEY (upper case, as environment names
    // are, with or without a prefix: "API_KEY") or any-case with a prefix ("db.password", "api-key"), so
    // neither "monkey" nor "the vault key: …" in prose counts. The look-behind keeps a name inside
    // "${NAME:?message}" from reading as an assignment; quotes around the value are allowed.
    private static let assignment = try! NSRegularExpression(
        pattern:
            #"(?<![A-Za-z0-9_.${-])((?:[A-Z0-9_.-]*[_.-])?(?:PASSWORD|PASSWD|SECRET|KEY)|[A-Za-z0-9_.-]*[_.-](?i:password|passwd|secret|key))\s*[=:]\s*["']?([^\s"'#,]+)"#
    )
    // scheme://user:password@host.
    private static let urlPassword = try! NSRegularExpression(pattern: #"://[^\s:/@]+:([^\s@/]+)@"#)

    /// `${VAR}`, `${VAR:-default}` or `$VAR`: the value comes from the environment, which is how it should be.
    private static func isReference(_ value: String) -> Bool {
        value.hasPrefix("$")
    }

    // The whole match and its groups as strings ("" for a group that did not take part).
    private static func matches(_ expression: NSRegularExpression, in line: String) -> [[String]] {
        let text = line as NSString
        return expression.matches(in: line, range: NSRange(location: 0, length: text.length)).map { match in
            (0..<match.numberOfRanges).map { index in
                let range = match.range(at: index)
                return range.location == NSNotFound ? "" : text.substring(with: range)
            }
        }
    }

    // Enough of a value to recognise it, not enough to use it.
    private static func masked(_ value: String) -> String {
        value.count <= 4 ? String(repeating: "*", count: value.count) : String(value.prefix(4)) + "…"
    }
}
