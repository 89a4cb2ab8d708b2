/// One `NAME=value` line of a `.env` file, with the comment lines just above it.
package struct EnvVariable: Sendable, Hashable {
    /// The variable name.
    package let name: String
    /// The value, unquoted (escape sequences resolved inside double quotes).
    package let value: String
    /// The 1-based line number.
    package let line: Int
    /// The comment lines directly above (no blank line between), without "#", in order.
    package let comments: [String]
    /// A "# …" comment after an unquoted value on the same line, if any.
    package let inlineComment: String?
    /// Whether the line began with `export `.
    package let exported: Bool
    /// Whether the value was in single or double quotes.
    package let quoted: Bool

    /// Whether some comment (above or inline) describes the variable.
    package var isDocumented: Bool {
        comments.contains { !$0.isEmpty } || !(inlineComment ?? "").isEmpty
    }
}
