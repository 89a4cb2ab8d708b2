import Synchronization

/// The lines a child has written on each stream so far, split as the bytes arrive (for `RunningProcess`).
final class OutputLines: OutputSink {
    // Complete lines, and the bytes after the last newline of each stream.
    private struct State {
        var lines: [StandardStream: [String]] = [:]
        var partial: [StandardStream: [UInt8]] = [:]
    }

    // Appended to by the two reader threads, read by the caller at any time.
    private let state = Mutex(State())

    /// The complete lines of `stream` so far (the last one too once the stream has ended without a newline).
    func lines(of stream: StandardStream) -> [String] { state.withLock { $0.lines[stream] ?? [] } }

    /// Adds the bytes, turning every newline-terminated run into a line.
    func append(_ bytes: ArraySlice<UInt8>, from stream: StandardStream) {
        state.withLock { state in
            var buffer = state.partial[stream, default: []]
            buffer.append(contentsOf: bytes)
            var start = buffer.startIndex
            while let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) {
                state.lines[stream, default: []].append(String(decoding: buffer[start..<newline], as: UTF8.self))
                start = newline + 1
            }
            state.partial[stream] = Array(buffer[start...])
        }
    }

    /// Keeps a last line that has no newline.
    func end(_ stream: StandardStream) {
        state.withLock { state in
            if let rest = state.partial.removeValue(forKey: stream), !rest.isEmpty {
                state.lines[stream, default: []].append(String(decoding: rest, as: UTF8.self))
            }
        }
    }
}
