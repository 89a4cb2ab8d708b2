/// The service's version, reported by both health endpoints.
enum OracleVersion {
    /// The version string of this build.
    static let current = "1.0.0"
}
