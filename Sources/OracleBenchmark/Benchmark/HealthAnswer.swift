/// The part of the Oracle's /health body the benchmark reads: the checks, e.g. `"grpc": "listening"`, and `pending`.
struct HealthAnswer: Decodable {
    /// Each check's state, by name ("database", "grpc", "ai").
    let checks: [String: String]
    /// Records acknowledged and still in the spool, not yet stored in the database; nil when the body has none.
    let pending: Int?

    /// Whether the gRPC server takes calls, which it does with the database unreachable (when /health answers 503).
    var grpcListening: Bool { checks["grpc"] == "listening" }
}
