/// One `FROM` line of a Dockerfile: the stage's base image and its name (`AS <name>`).
package struct DockerfileStage: Sendable, Hashable {
    /// The image or earlier stage the stage starts from, e.g. "debian:bookworm-slim".
    package let base: String
    /// The stage name, lowercased as Docker treats it; `nil` for an unnamed stage.
    package let name: String?

    /// The stages of a Dockerfile in order. Handles `FROM [--platform=…] image [AS name]`, any case,
    /// and backslash continuations (a FROM split over lines is joined first).
    package static func parse(_ dockerfile: String) -> [DockerfileStage] {
        logicalLines(dockerfile).compactMap { line in
            let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
            guard words.first?.uppercased() == "FROM" else { return nil }
            let operands = words.dropFirst().filter { !$0.hasPrefix("--") }
            guard let base = operands.first else { return nil }
            let rest = Array(operands.dropFirst())
            let name = rest.count == 2 && rest[0].uppercased() == "AS" ? rest[1].lowercased() : nil
            return DockerfileStage(base: base, name: name)
        }
    }

    // Instructions may continue over lines ending in "\"; comment lines inside a continuation are skipped, as Docker does.
    private static func logicalLines(_ text: String) -> [String] {
        var lines: [String] = []
        var pending = ""
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") { continue }
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
            } else {
                lines.append(pending + line)
                pending = ""
            }
        }
        if !pending.isEmpty { lines.append(pending) }
        return lines
    }
}
