/// The points one requirement line is made of, as a check tests them one by one: how many were
/// tested and which failed, so an outcome can say "9/10 hold" and name every broken point at once.
package struct RequirementPoints {
    /// The requirement ID the points belong to.
    package let id: String
    /// How many points were tested.
    private(set) var count = 0
    /// The broken points, in the order they were tested.
    private(set) var problems: [String] = []

    /// Starts an empty list for requirement `id`.
    package init(_ id: String) {
        self.id = id
    }

    /// Tests one point; `problem` says what is wrong and is only built when the point fails.
    package mutating func expect(_ holds: Bool, _ problem: @autoclosure () -> String) {
        count += 1
        if !holds { problems.append(problem()) }
    }

    /// The outcome: passed when no point failed; `summary` says what was found when all hold.
    package func outcome(summary: String) -> CheckOutcome {
        let held = count - problems.count
        if problems.isEmpty {
            return CheckOutcome(id: id, passed: true, measured: "\(held)/\(count) points hold: \(summary)", reason: summary)
        }
        let broken = problems.joined(separator: "; ")
        return CheckOutcome(id: id, passed: false, measured: "\(held)/\(count) points hold; broken: \(broken)", reason: broken)
    }
}
