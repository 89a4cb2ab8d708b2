extension String {
    /// The text with `& < > " '` escaped and control characters XML 1.0 forbids (such as a terminal's ESC) replaced
    /// by U+FFFD, safe in XML and HTML text and in quoted attributes.
    var xmlEscaped: String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case _ where character.unicodeScalars.contains(where: { $0.value < 0x20 && !["\t", "\n", "\r"].contains($0) }):
                escaped += "\u{FFFD}"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
