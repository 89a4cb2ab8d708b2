/// One `NAME=value` line of a `.env` file, with the comment lines just above it.
public struct EnvVariable: Sendable, Hashable {
    /// The variable name.
    public let name: String
    /// The value, unquoted (escape sequences resolved inside double quotes).
    public let value: String
    /// The 1-based line number.
    public let line: Int
    /// The comment lines directly above (no blank line between), without "#", in order.
    public let comments: [String]
    /// A "# …" comment after an unquoted value on the same line, if any.
    public let inlineComment: String?
    /// Whether the line began with `export `.
    public let exported: Bool
    /// Whether the value was in single or double quotes.
    public let quoted: Bool

    /// Makes a variable from its parts.
    public init(
        name: String,
        value: String,
        line: Int,
        comments: [String] = [],
        inlineComment: String? = nil,
        exported: Bool = false,
        quoted: Bool = false
    ) {
        self.name = name
        self.value = value
        self.line = line
        self.comments = comments
        self.inlineComment = inlineComment
        self.exported = exported
        self.quoted = quoted
    }

    /// Whether some comment (above or inline) describes the variable.
    public var isDocumented: Bool {
        comments.contains { !$0.isEmpty } || !(inlineComment ?? "").isEmpty
    }
}
