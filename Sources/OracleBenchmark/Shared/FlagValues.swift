/// The `--flag VALUE` (or `--flag=VALUE`) pairs of a command line: every flag known, each given once, each with a value.
struct FlagValues: Sendable {
    /// The value of each flag given, keyed by the flag with its dashes ("--target").
    private var values: [String: String] = [:]

    /// Reads `arguments`; throws `UsageError` naming the first stray word, unknown or repeated flag, or flag without a value.
    init(_ arguments: [String], known: Set<String>) throws {
        var words = arguments.makeIterator()
        while let word = words.next() {
            guard word.hasPrefix("--") else { throw UsageError("unexpected argument '\(word)'") }
            let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let flag = String(parts[0])
            guard known.contains(flag) else { throw UsageError("unknown flag \(flag)") }
            guard values[flag] == nil else { throw UsageError("\(flag) is given twice") }
            let value = parts.count == 2 ? String(parts[1]) : words.next()
            guard let value, parts.count == 2 || !value.hasPrefix("--") else { throw UsageError("\(flag) needs a value") }
            values[flag] = value
        }
    }

    /// Whether `flag` was given.
    func contains(_ flag: String) -> Bool { values[flag] != nil }

    /// The text given for `flag`, or a usage error saying it is missing (`placeholder` names its value: "PATH").
    func required(_ flag: String, _ placeholder: String) throws -> String {
        guard let value = values[flag] else { throw UsageError("missing \(flag) \(placeholder)") }
        return value
    }

    /// The whole number given for `flag`, which must be at least `minimum` (and at most `maximum`, when there is one);
    /// nil when the flag was not given.
    func wholeNumber(_ flag: String, atLeast minimum: Int, atMost maximum: Int? = nil) throws -> Int? {
        guard let text = values[flag] else { return nil }
        guard let number = Int(text), number >= minimum, number <= maximum ?? .max else {
            let bounds = maximum.map { "from \(minimum) to \($0)" } ?? "≥ \(minimum)"
            throw UsageError("\(flag): '\(text)' is not a whole number \(bounds)")
        }
        return number
    }

    /// The number given for `flag`, above 0 and at most `maximum`, with or without a fraction; nil when the flag was
    /// not given.
    func positiveNumber(_ flag: String, atMost maximum: Int) throws -> Double? {
        guard let text = values[flag] else { return nil }
        guard let number = Double(text), number > 0, number <= Double(maximum) else {
            throw UsageError("\(flag): '\(text)' is not a number above 0 and at most \(maximum)")
        }
        return number
    }

    /// The seconds given for `flag`, from 0 to a day, with or without a fraction; nil when the flag was not given.
    func seconds(_ flag: String) throws -> Duration? {
        guard let text = values[flag] else { return nil }
        guard let seconds = Double(text), (0...86_400).contains(seconds) else {
            throw UsageError("\(flag): '\(text)' is not a number of seconds from 0 to 86400")
        }
        return .seconds(seconds)
    }
}
