#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The moon's phase on a day, from the day number alone (no time of day), as the reference engine does.
public struct MoonPhase: Sendable, Hashable {
    /// Length of the synodic month in days.
    public static let synodicMonthDays = 29.530588853
    /// Phase names by index 0...7.
    public static let names = [
        "New Moon", "Waxing Crescent", "First Quarter", "Waxing Gibbous",
        "Full Moon", "Waning Gibbous", "Last Quarter", "Waning Crescent",
    ]
    /// Upper bounds of the age, in days, of each phase.
    static let ageBounds = [1.85, 7.38, 11.07, 14.77, 16.61, 22.14, 25.83, 29.53]
    /// Julian day of the reference new moon the age is counted from.
    static let referenceNewMoon = 2_451_550.1

    /// Phase index 0...7 (0 = New Moon, 4 = Full Moon).
    public let index: Int
    /// Days since the last new moon, 0 ≤ age < synodic month.
    public let ageDays: Double
    /// Lit fraction of the disc in percent, 0...100.
    public let illuminationPercent: Double

    /// The phase name, e.g. "Waning Gibbous".
    public var name: String { MoonPhase.names[index] }

    /// The phase of a day: age = (JDN − 2451550.1) mod 29.530588853, phase by the first bound above the age.
    public init(julianDayNumber: Int) {
        let remainder = fmod(Double(julianDayNumber) - MoonPhase.referenceNewMoon, MoonPhase.synodicMonthDays)
        let age = remainder < 0 ? remainder + MoonPhase.synodicMonthDays : remainder
        ageDays = age
        // The last bound (29.53) is just below the synodic month, so an age past it is a new moon again.
        index = MoonPhase.ageBounds.firstIndex { age < $0 } ?? 0
        illuminationPercent = 50 * (1 - cos(2 * Double.pi * age / MoonPhase.synodicMonthDays))
    }
}
