/// One of the twelve animals (earthly branches), Rat first.
public enum Animal: Int, CaseIterable, Sendable {
    /// The twelve animals in cycle order.
    case rat, ox, tiger, rabbit, dragon, snake, horse, goat, monkey, rooster, dog, pig

    /// The FC60 two-letter token (RA OX TI RU DR SN HO GO MO RO DO PI).
    public var token: String {
        ["RA", "OX", "TI", "RU", "DR", "SN", "HO", "GO", "MO", "RO", "DO", "PI"][rawValue]
    }

    /// The English name, capitalised.
    public var name: String {
        ["Rat", "Ox", "Tiger", "Rabbit", "Dragon", "Snake", "Horse", "Goat", "Monkey", "Rooster", "Dog", "Pig"][
            rawValue
        ]
    }
}
