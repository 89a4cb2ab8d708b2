/// Yang or Yin, the polarity of a heavenly stem.
public enum Polarity: String, Sendable {
    /// The active pole; even stems.
    case yang = "Yang"
    /// The receptive pole; odd stems.
    case yin = "Yin"

    /// The English name, capitalised ("Yang", "Yin").
    public var name: String { rawValue }
}
