extension FC60 {
    /// Y60: the year in base 60.
    public static func y60(of moment: Moment) -> String {
        encodeBase60(moment.year)
    }

    /// Y2K: token60((year − 2000) mod 60).
    public static func y2k(of moment: Moment) -> String {
        token60((moment.year - 2000).modulo(60))
    }

    /// J60: the Julian Day Number in base 60.
    public static func j60(of moment: Moment) -> String {
        encodeBase60(moment.julianDayNumber)
    }

    /// MJD as this spec counts it: JDN − 2400001.
    public static func mjd(of moment: Moment) -> Int {
        moment.julianDayNumber - 2_400_001
    }

    /// MJD in base 60.
    public static func mjd60(of moment: Moment) -> String {
        encodeBase60(mjd(of: moment))
    }

    /// Rata Die: JDN − 1721425.
    public static func rd(of moment: Moment) -> Int {
        moment.julianDayNumber - 1_721_425
    }

    /// Rata Die in base 60.
    public static func rd60(of moment: Moment) -> String {
        encodeBase60(rd(of: moment))
    }

    /// U60: Unix seconds in base 60.
    public static func u60(of moment: Moment) -> String {
        encodeBase60(Int(moment.unixSeconds))
    }
}
