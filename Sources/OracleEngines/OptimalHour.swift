/// One of the best hours of a day by timing score (contract OptimalHour).
public struct OptimalHour: Sendable, Hashable {
    /// UTC hour 0...23.
    public let hour: Int
    /// The timing score of the moment at that hour.
    public let score: Double
    /// Why the hour scores as it does.
    public let reason: String
}
