/// One measured phase: the calls' latencies and the CPU time the server spent while they ran.
struct PhaseFigures: Sendable {
    /// Each call's latency and the phase's wall time.
    let sample: LatencySample
    /// User and system CPU time of the server process during the phase; nil when /proc could not be read.
    let serverCPU: Duration?

    /// Server CPU time per completed call; nil when not measured or no call completed.
    var cpuPerCall: Duration? {
        sample.latencies.isEmpty ? nil : serverCPU.map { $0 / sample.latencies.count }
    }
}
