/// The steps of a BuildKit build as `--progress=plain` prints them, and which of them were cache hits.
///
/// A step starts with a header line `#12 [builder 5/7] COPY Sources ./Sources`; a cache hit adds the
/// line `#12 CACHED`, while a step that ran prints its output and `#12 DONE 20.8s`.
package struct BuildProgress: Sendable, Hashable {
    /// One Dockerfile step of the build.
    package struct Step: Sendable, Hashable {
        /// The vertex number BuildKit gave it ("#12").
        package let number: Int
        /// The stage and position, e.g. "builder 5/7".
        package let position: String
        /// The instruction keyword, uppercased: "RUN", "COPY", "WORKDIR", "FROM"…
        package let instruction: String
        /// The header line as printed, for messages.
        package let header: String
        /// Whether BuildKit reused it from the cache.
        package let cached: Bool
    }

    /// The Dockerfile steps, in the order their headers appeared (internal steps such as loading the context excluded).
    package let steps: [Step]

    /// Reads plain progress output (BuildKit writes it to standard error).
    package init(output: String) {
        var headers: [(number: Int, position: String, instruction: String, header: String)] = []
        var cachedNumbers: Set<Int> = []
        for raw in output.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("#"), let space = line.firstIndex(of: " "),
                let number = Int(line[line.index(after: line.startIndex)..<space])
            else { continue }
            let rest = line[line.index(after: space)...]
            if rest == "CACHED" {
                cachedNumbers.insert(number)
            } else if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                let position = String(rest[rest.index(after: rest.startIndex)..<close])
                // Internal vertices ("[internal] load build context") have no "k/n" position; they are not Dockerfile steps.
                guard position.contains("/"), !headers.contains(where: { $0.number == number }) else { continue }
                let instruction = rest[rest.index(after: close)...].split(separator: " ").first.map { $0.uppercased() } ?? ""
                headers.append((number, position, instruction, line))
            }
        }
        steps = headers.map {
            Step(number: $0.number, position: $0.position, instruction: $0.instruction, header: $0.header, cached: cachedNumbers.contains($0.number))
        }
    }

    /// The steps that can be cache hits: every one but `FROM`, which BuildKit resolves rather than caches.
    package var cacheableSteps: [Step] { steps.filter { $0.instruction != "FROM" } }
}
