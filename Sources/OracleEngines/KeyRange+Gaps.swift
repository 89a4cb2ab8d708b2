extension KeyRange {
    /// The parts of this range no given range covers, in order; the others may overlap, be unsorted or stick out.
    public func uncoveredParts(excluding covered: [KeyRange]) -> [KeyRange] {
        let clipped =
            covered
            .filter { $0.end >= start && $0.start <= end }
            .map { KeyRange(unchecked: Swift.max($0.start, start), end: Swift.min($0.end, end)) }
            .sorted { $0.start < $1.start }
        var gaps: [KeyRange] = []
        // The first key not yet known to be covered; 256 bits leave room for end + 1.
        var cursor = start
        for range in clipped {
            if range.start > cursor {
                gaps.append(KeyRange(unchecked: cursor, end: range.start - 1))
            }
            cursor = Swift.max(cursor, range.end + 1)
        }
        if cursor <= end {
            gaps.append(KeyRange(unchecked: cursor, end: end))
        }
        return gaps
    }

    /// The largest uncovered part, the earliest on a tie; nil when the ranges cover everything.
    public func largestUncoveredPart(excluding covered: [KeyRange]) -> KeyRange? {
        uncoveredParts(excluding: covered).reduce(nil) { best, gap in
            guard let best, best.count >= gap.count else { return gap }
            return best
        }
    }
}
