import Foundation
import Synchronization

/// Everything a child wrote on each stream, kept as bytes (for `CommandRunner`'s results).
final class OutputBytes: OutputSink {
    // Appended to by the two reader threads, read once the child has finished.
    private let data = Mutex<[StandardStream: Data]>([:])

    /// Everything written on `stream` so far.
    func data(of stream: StandardStream) -> Data { data.withLock { $0[stream] ?? Data() } }

    /// Adds the bytes to the stream's data.
    func append(_ bytes: ArraySlice<UInt8>, from stream: StandardStream) {
        data.withLock { $0[stream, default: Data()].append(contentsOf: bytes) }
    }

    /// Nothing to finish: bytes need no line ending.
    func end(_ stream: StandardStream) {}
}
