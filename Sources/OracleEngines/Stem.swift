/// One of the ten heavenly stems, with its element and polarity.
public enum Stem: Int, CaseIterable, Sendable {
    /// The ten stems in cycle order, named by their FC60 tokens.
    case ja, yi, bi, di, ww, ji, ge, xi, re, gu

    /// The stem of a year in the sixty-year cycle: (year − 4) mod 10.
    public init(year: Int) {
        self = Stem.allCases[(year - 4).modulo(10)]
    }

    /// The FC60 two-letter token (JA YI BI DI WW JI GE XI RE GU).
    public var token: String {
        ["JA", "YI", "BI", "DI", "WW", "JI", "GE", "XI", "RE", "GU"][rawValue]
    }

    /// Element of the stem: stems come in pairs Wood, Fire, Earth, Metal, Water.
    public var element: Element {
        Element.allCases[rawValue / 2]
    }

    /// Polarity of the stem: alternating Yang, Yin starting with Yang.
    public var polarity: Polarity {
        rawValue.isMultiple(of: 2) ? .yang : .yin
    }
}
