import Foundation

/// A parsed `.env` file: its variables in order, each with its describing comments and line number.
package struct EnvFile: Sendable {
    /// The variables, in file order.
    package let variables: [EnvVariable]
    /// Line numbers that are neither blank, comments nor assignments.
    package let malformedLines: [Int]

    /// Parses the text of a `.env` file (blank lines, comments, `export `, single and double quotes).
    package init(text: String) {
        var variables: [EnvVariable] = []
        var malformed: [Int] = []
        var pendingComments: [String] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            if line.isEmpty {
                // A blank line separates a comment block from the variable below it.
                pendingComments = []
            } else if line.hasPrefix("#") {
                pendingComments.append(line.dropFirst().trimmingCharacters(in: .whitespaces))
            } else if let variable = Self.assignment(line, number: index + 1, comments: pendingComments) {
                variables.append(variable)
                pendingComments = []
            } else {
                malformed.append(index + 1)
                pendingComments = []
            }
        }
        self.variables = variables
        malformedLines = malformed
    }

    /// Reads and parses a `.env` file.
    package init(contentsOf url: URL) throws {
        self.init(text: try String(contentsOf: url, encoding: .utf8))
    }

    /// The last definition of `name` (later lines override earlier ones, as in Compose).
    package subscript(name: String) -> EnvVariable? {
        variables.last { $0.name == name }
    }

    /// The variable names, in file order.
    package var names: [String] { variables.map(\.name) }

    // Parses "[export ]NAME=value", returning nil when the line is not an assignment.
    private static func assignment(_ line: String, number: Int, comments: [String]) -> EnvVariable? {
        var rest = Substring(line)
        let exported = rest.hasPrefix("export ")
        if exported { rest = rest.dropFirst("export ".count).drop { $0 == " " } }
        guard let equals = rest.firstIndex(of: "=") else { return nil }
        let name = rest[..<equals].trimmingCharacters(in: .whitespaces)
        guard let first = name.unicodeScalars.first,
            CharacterSet.letters.union(CharacterSet(charactersIn: "_")).contains(first),
            name.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_.-")).contains($0) })
        else { return nil }
        let valueText = rest[rest.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard let (value, inlineComment, quoted) = parseValue(valueText) else { return nil }
        return EnvVariable(
            name: name,
            value: value,
            line: number,
            comments: comments,
            inlineComment: inlineComment,
            exported: exported,
            quoted: quoted
        )
    }

    // A quoted value ends at its closing quote; an unquoted one at " #", which starts an inline comment.
    private static func parseValue(_ text: String) -> (value: String, inlineComment: String?, quoted: Bool)? {
        guard let quote = text.first, quote == "\"" || quote == "'" else {
            guard let hash = text.range(of: " #") else { return (text, nil, false) }
            let comment = text[hash.upperBound...].trimmingCharacters(in: .whitespaces)
            return (text[..<hash.lowerBound].trimmingCharacters(in: .whitespaces), comment, false)
        }
        var value = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if character == quote {
                let after = text[text.index(after: index)...].trimmingCharacters(in: .whitespaces)
                guard after.isEmpty || after.hasPrefix("#") else { return nil }
                let comment = after.isEmpty ? nil : after.dropFirst().trimmingCharacters(in: .whitespaces)
                return (value, comment, true)
            }
            // Only double quotes interpret backslash escapes; single quotes keep every character as written.
            if quote == "\"", character == "\\", text.index(after: index) < text.endIndex {
                index = text.index(after: index)
                switch text[index] {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "r": value.append("\r")
                default: value.append(text[index])
                }
            } else {
                value.append(character)
            }
            index = text.index(after: index)
        }
        return nil
    }
}
