import Foundation
import ProcessRunning
import StackHarness

/// The rules of Checkpoint 3 on `infrastructure/.env.example`, the compose file's text and the git set-up.
package enum EnvironmentChecks {
    /// The one documented command that makes a local `.env`, run from the repository root.
    package static let copyCommand = ["cp", "infrastructure/.env.example", "infrastructure/.env"]
    /// The placeholder the spec asks for in place of a real Anthropic key.
    package static let apiKeyPlaceholder = "your_claude_api_key_here"
    /// The Oracle's own variables with the values the spec gives them.
    package static let oracleVariables = ["ORACLE_GRPC_PORT": "50052", "ORACLE_HEALTH_PORT": "8052"]

    /// CP3.documented: every variable has a description comment (a section header such as
    /// "--- Oracle ---" alone does not describe one); the API key is the placeholder under a security
    /// warning; the Oracle's port variables are there with their values.
    package static func documented(_ example: EnvFile) -> CheckOutcome {
        var points = RequirementPoints("CP3.documented")
        points.expect(example.malformedLines.isEmpty, "lines \(example.malformedLines) are neither comments nor NAME=value")
        let undocumented = example.variables.filter { description(of: $0).isEmpty }.map(\.name)
        points.expect(undocumented.isEmpty, "no description comment for \(undocumented.joined(separator: ", "))")

        let key = example["ANTHROPIC_API_KEY"]
        points.expect(key?.value == apiKeyPlaceholder, "ANTHROPIC_API_KEY is \(key.map { "'\($0.value)'" } ?? "missing"), not \(apiKeyPlaceholder)")
        let warning = key.map(description)?.lowercased() ?? ""
        points.expect(
            ["security", "secret", "never commit"].contains { warning.contains($0) },
            "ANTHROPIC_API_KEY's comment '\(warning)' carries no security warning"
        )
        for (name, value) in oracleVariables.sorted(by: { $0.key < $1.key }) {
            points.expect(example[name]?.value == value, "\(name) is \(example[name].map { "'\($0.value)'" } ?? "missing"), not \(value)")
        }
        return points.outcome(
            summary: "\(example.variables.count)/\(example.variables.count) variables documented, "
                + "ANTHROPIC_API_KEY=\(key?.value ?? "") under a security warning, "
                + oracleVariables.keys.sorted().map { "\($0)=\(example[$0]?.value ?? "")" }.joined(separator: ", ")
        )
    }

    /// CP3.complete: the variables the compose file interpolates and the ones `.env.example` sets are the same set.
    package static func complete(composeText: String, example: EnvFile) -> CheckOutcome {
        var points = RequirementPoints("CP3.complete")
        let used = composeVariables(in: composeText)
        let listed = Set(example.names)
        let missing = used.subtracting(listed).sorted()
        let unused = listed.subtracting(used).sorted()
        points.expect(missing.isEmpty, "the compose file uses \(missing.joined(separator: ", ")), missing from .env.example")
        points.expect(unused.isEmpty, ".env.example sets \(unused.joined(separator: ", ")), which the compose file never uses")
        return points.outcome(summary: "\(used.count) variables used by the compose file, \(listed.count) in .env.example, the same set")
    }

    /// CP3.dotenv: the documented command made a copy equal to the example, git ignores `infrastructure/.env`
    /// (`git check-ignore -q` exit status 0; 1 means not ignored, or tracked), and every document names the command.
    package static func dotenv(copyMatches: Bool, checkIgnore: CommandResult, documents: [(name: String, text: String)]) -> CheckOutcome {
        var points = RequirementPoints("CP3.dotenv")
        let command = copyCommand.joined(separator: " ")
        points.expect(copyMatches, "`\(command)` did not make a copy equal to .env.example")
        points.expect(
            checkIgnore.exitStatus == 0 && checkIgnore.signal == nil,
            "`git check-ignore -q infrastructure/.env` gave \(checkIgnore.ending): infrastructure/.env is not ignored \(checkIgnore.standardError)"
        )
        for document in documents {
            points.expect(document.text.contains(command), "\(document.name) does not give the command `\(command)`")
        }
        return points.outcome(
            summary:
                "`\(command)` copies the example, git check-ignore \(checkIgnore.ending), documented in \(documents.map(\.name).joined(separator: " and "))"
        )
    }

    /// The variables a compose file interpolates: `$NAME`, `${NAME}` and the `${NAME:-…}`, `${NAME-…}`,
    /// `${NAME:?…}`, `${NAME?…}`, `${NAME:+…}` forms, including ones nested in a default. `$$` is an escaped
    /// dollar, and whole-line YAML comments are skipped because Compose does not interpolate them.
    package static func composeVariables(in text: String) -> Set<String> {
        var names: Set<String> = []
        for line in text.split(separator: "\n") where !line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("#") {
            let characters = Array(line)
            var index = 0
            while index < characters.count {
                guard characters[index] == "$", index + 1 < characters.count else {
                    index += 1
                    continue
                }
                let next = characters[index + 1]
                if next == "$" {
                    index += 2
                    continue
                }
                // The name starts after "${" or right after "$"; scanning resumes after it, so a nested ${…} is found too.
                var start = index + 1
                if next == "{" { start += 1 }
                var end = start
                while end < characters.count, isNameCharacter(characters[end], first: end == start) { end += 1 }
                if end > start { names.insert(String(characters[start..<end])) }
                index = max(end, index + 1)
            }
        }
        return names
    }

    /// The describing part of a variable's comments: all of them except "--- Section ---" headers.
    package static func description(of variable: EnvVariable) -> String {
        let lines = variable.comments.filter { !$0.isEmpty && !$0.hasPrefix("---") } + [variable.inlineComment ?? ""].filter { !$0.isEmpty }
        return lines.joined(separator: " ")
    }

    // Compose variable names: a letter or underscore, then letters, digits and underscores.
    private static func isNameCharacter(_ character: Character, first: Bool) -> Bool {
        guard character.isASCII else { return false }
        return character == "_" || character.isLetter || (!first && character.isNumber)
    }
}
