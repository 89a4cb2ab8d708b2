/// One of a child's two output streams.
package enum StandardStream: Sendable, Hashable, CaseIterable {
    /// Standard output.
    case stdout
    /// Standard error.
    case stderr
}
