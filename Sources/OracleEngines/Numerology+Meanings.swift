extension Numerology {
    /// A short keyword phrase for a reduced number (1–9, 11, 22, 33); 0 means no letters or digits counted.
    public static func keyword(for number: Int) -> String {
        switch number {
        case 0: "an unwritten potential"
        case 1: "leadership and new beginnings"
        case 2: "partnership and balance"
        case 3: "creativity and expression"
        case 4: "structure and steady work"
        case 5: "change and freedom"
        case 6: "care and responsibility"
        case 7: "reflection and analysis"
        case 8: "ambition and material power"
        case 9: "completion and wisdom"
        case 11: "intuition and inspiration (master number)"
        case 22: "the master builder (master number)"
        case 33: "the master teacher (master number)"
        default: "a compound vibration of \(reduce(number))"
        }
    }
}
