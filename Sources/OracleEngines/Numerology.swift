/// Pythagorean numerology: letter values, digit reduction with master numbers, and the core numbers.
public enum Numerology {
    /// The master numbers reduction stops at.
    public static let masterNumbers: Set<Int> = [11, 22, 33]

    /// Value of a letter: A–I = 1–9, J–R = 1–9, S–Z = 1–8, either case; anything else (accents too) is 0.
    public static func letterValue(_ character: Character) -> Int {
        guard let letter = asciiUppercaseLetter(character) else { return 0 }
        return Int(letter - UInt8(ascii: "A")) % 9 + 1
    }

    /// Sums digits until one digit remains, stopping at 11, 22 and 33; negatives reduce by their magnitude.
    public static func reduce(_ n: Int) -> Int {
        var value = n.magnitude
        while value > 9, !masterNumbers.contains(Int(value)) {
            value = digitSum(value)
        }
        return Int(value)
    }

    /// The sum of the decimal digits of a number's magnitude.
    public static func digitSum(_ n: Int) -> Int {
        Int(digitSum(n.magnitude))
    }

    /// Expression (destiny) number: the reduced sum of all letters.
    public static func expression(of name: String) -> Int {
        reduce(name.reduce(0) { $0 + letterValue($1) })
    }

    /// Soul urge: the reduced sum of the vowels A E I O U.
    public static func soulUrge(of name: String) -> Int {
        reduce(name.filter(isVowel).reduce(0) { $0 + letterValue($1) })
    }

    /// Personality: the reduced sum of the letters that are not vowels.
    public static func personality(of name: String) -> Int {
        reduce(name.filter { !isVowel($0) }.reduce(0) { $0 + letterValue($1) })
    }

    /// Life path of a date: reduce(reduce(day) + reduce(month) + reduce(digit sum of year)).
    public static func lifePath(year: Int, month: Int, day: Int) -> Int {
        reduce(reduce(day) + reduce(month) + reduce(digitSum(year)))
    }

    /// Personal year: reduce(reduce(birth month) + reduce(birth day) + reduce(digit sum of year)).
    public static func personalYear(birthMonth: Int, birthDay: Int, year: Int) -> Int {
        reduce(reduce(birthMonth) + reduce(birthDay) + reduce(digitSum(year)))
    }

    /// Personal month: reduce(month + reduce(digit sum of year)).
    public static func personalMonth(month: Int, year: Int) -> Int {
        reduce(month + reduce(digitSum(year)))
    }

    /// Personal day: reduce(day + month + reduce(digit sum of year)).
    public static func personalDay(day: Int, month: Int, year: Int) -> Int {
        reduce(day + month + reduce(digitSum(year)))
    }

    /// Element of a letter value v > 0: Fire, Earth, Metal, Water, Wood by (v − 1) mod 5; nil for 0.
    public static func letterElement(value: Int) -> Element? {
        guard value > 0 else { return nil }
        let cycle: [Element] = [.fire, .earth, .metal, .water, .wood]
        return cycle[(value - 1) % 5]
    }

    /// The ASCII code of an A–Z letter, uppercased, or nil for any other character.
    static func asciiUppercaseLetter(_ character: Character) -> UInt8? {
        guard let ascii = character.asciiValue, character.isLetter else { return nil }
        return ascii & ~0x20  // clears the lowercase bit
    }

    private static func isVowel(_ character: Character) -> Bool {
        guard let letter = asciiUppercaseLetter(character) else { return false }
        return "AEIOU".utf8.contains(letter)
    }

    private static func digitSum(_ n: UInt) -> UInt {
        var rest = n
        var sum: UInt = 0
        while rest > 0 {
            sum += rest % 10
            rest /= 10
        }
        return sum
    }
}
