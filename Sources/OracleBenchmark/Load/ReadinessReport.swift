/// The JSON line of `--wait-ready`: whether a GetReading succeeded within the budget, after how many attempts, and when.
struct ReadinessReport: LoadReport, Equatable {
    /// Always "wait-ready".
    let mode = "wait-ready"
    /// Whether an attempt succeeded within the budget.
    let ready: Bool
    /// Attempts made, the successful one included.
    let attempts: Int
    /// Seconds from the first attempt to the first success, or to giving up.
    let seconds: Double
    /// When the first attempt succeeded, in Unix seconds; nil when none did.
    let readyAtUnix: Double?
    /// The last attempt's failure, when none succeeded.
    let lastError: String?

    /// 0 when ready, 1 when not.
    var exitStatus: Int32 { ready ? 0 : 1 }
}
