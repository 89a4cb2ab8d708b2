extension Moment {
    /// The local date as `YYYY-MM-DD`.
    public var isoDate: String {
        "\(Moment.padded(year, width: 4))-\(Moment.padded(month))-\(Moment.padded(day))"
    }

    /// The moment as ISO 8601 with its offset, `Z` for UTC (e.g. `2026-02-06T01:15:00+08:00`).
    public var iso8601: String {
        "\(isoDate)T\(Moment.padded(hour)):\(Moment.padded(minute)):\(Moment.padded(second))\(offsetText)"
    }

    private var offsetText: String {
        guard utcOffsetSeconds != 0 else { return "Z" }
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        let minutes = abs(utcOffsetSeconds) / 60
        return "\(sign)\(Moment.padded(minutes / 60)):\(Moment.padded(minutes % 60))"
    }

    private static func padded(_ value: Int, width: Int = 2) -> String {
        let digits = String(abs(value))
        let zeros = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + zeros + digits
    }
}
