/// The JSON line of a batch mode: the summary every batch has and the mode's own `figures`, side by side in one object.
struct BatchReport<Figures: Encodable & Sendable & Equatable>: LoadReport, Equatable {
    /// Mode, calls, failures, concurrency and wall time.
    let summary: BatchSummary
    /// What only this mode reports.
    let figures: Figures

    /// Both parts' fields in one JSON object (two keyed containers at one level share it).
    func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        try figures.encode(to: encoder)
    }

    /// 0 when every call succeeded, 1 when not.
    var exitStatus: Int32 { summary.errors == 0 ? 0 : 1 }
}
