import OracleAPI

/// The one reading the load and the benchmark ask for.
extension Nps_Oracle_ReadingRequest {
    /// A reading of one fixed moment (the contract's reference vector), so every call is the same work and needs no AI.
    static let fixedMoment = Nps_Oracle_ReadingRequest.with { $0.datetime = "2026-02-06T01:15:00+08:00" }
}
