/// Where a launched child's output goes as its reader threads read it.
protocol OutputSink: Sendable {
    /// Takes the next bytes read from `stream`; called from that stream's reader thread, in order.
    func append(_ bytes: ArraySlice<UInt8>, from stream: StandardStream)
    /// Learns that `stream` has ended (or that the runner stopped reading it).
    func end(_ stream: StandardStream)
}
