/// The two Oracle calls that store rows: a SuggestRange stores one row of oracle_suggestions, an AnalyzeSession one
/// or more rows of insights.
enum WriteKind: Sendable, Equatable {
    /// SuggestRange of puzzle 66, no scanned ranges, no AI.
    case suggestRange
    /// AnalyzeSession of fixed numbers, its session_id the call's idempotency key.
    case analyzeSession
}
