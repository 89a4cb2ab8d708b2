extension FC60 {
    /// The stamp `WEEKDAY-ANIMAL[month−1]-token60(day) ☀|🌙ANIMAL[hour mod 12]-token60(min)-token60(sec)`.
    public static func stamp(of moment: Moment) -> String {
        let date = "\(moment.weekday.token)-\(Animal.allCases[moment.month - 1].token)-\(token60(moment.day))"
        let halfOfDay = moment.hour < 12 ? "☀" : "🌙"
        let time =
            "\(Animal.allCases[moment.hour % 12].token)-\(token60(moment.minute))-\(token60(moment.second))"
        return "\(date) \(halfOfDay)\(time)"
    }

    /// The offset token: "Z" for UTC, else sign, token60(|hours|), "-", token60(|minutes|).
    public static func timeZoneToken(of moment: Moment) -> String {
        let offset = moment.utcOffsetSeconds
        guard offset != 0 else { return "Z" }
        let minutes = abs(offset) / 60
        return (offset < 0 ? "-" : "+") + token60(minutes / 60) + "-" + token60(minutes % 60)
    }

    /// token60 of (year mod 60 + 2·month + 3·day + 4·hour + 5·minute + 6·second + 7·(JDN mod 60)) mod 60.
    public static func checksumToken(of moment: Moment) -> String {
        let weighted =
            moment.year.modulo(60) + 2 * moment.month + 3 * moment.day + 4 * moment.hour
            + 5 * moment.minute + 6 * moment.second + 7 * moment.julianDayNumber.modulo(60)
        return token60(weighted.modulo(60))
    }

    /// The sixty-year cycle token of a year, "STEM-ANIMAL" (2026 → BI-HO).
    public static func ganzhiYearToken(year: Int) -> String {
        "\(Stem(year: year).token)-\(Animal(yearOf: year).token)"
    }
}
