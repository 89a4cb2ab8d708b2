import Foundation

/// How long a server on 127.0.0.1:`port` keeps a connection that sent `bytes` and then nothing (or, with `trickle`, that
/// byte every `interval`): the time from connecting until the server closed it, or nil when it was still open after
/// `limit`. Whatever the server answers meanwhile is read and dropped.
///
/// The socket is polled without blocking, sleeping between polls: a server running in the same process answers on
/// the same cooperative threads, which a blocked wait could starve.
public func timeUntilClosed(
    port: Int,
    sending bytes: String = "",
    trickle: UInt8? = nil,
    every interval: Duration = .milliseconds(100),
    within limit: Duration
) async throws -> Duration? {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
    defer { close(descriptor) }
    #if os(Linux)
    let noSignal = Int32(MSG_NOSIGNAL)
    #else
    let noSignal: Int32 = 0
    var on: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
    #endif
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
    }
    guard connected else { throw POSIXError(.init(rawValue: errno) ?? .ECONNREFUSED) }
    let start = ContinuousClock.now
    if !bytes.isEmpty, send(descriptor, bytes, bytes.utf8.count, 0) != bytes.utf8.count {
        throw POSIXError(.init(rawValue: errno) ?? .EIO)
    }
    var buffer = [UInt8](repeating: 0, count: 4096)
    var nextTrickle = start + interval
    while ContinuousClock.now - start < limit {
        if var byte = trickle, ContinuousClock.now >= nextTrickle {
            // A byte the server refuses is no error here (and no SIGPIPE): the next poll sees how it closed the connection.
            _ = send(descriptor, &byte, 1, noSignal)
            nextTrickle += interval
        }
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, 0)
        guard ready >= 0 || errno == EINTR else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        guard ready > 0 else {
            try await Task.sleep(for: .milliseconds(10))
            continue
        }
        // 0 is the server's FIN, -1 a reset: either way the server closed the connection.
        if recv(descriptor, &buffer, buffer.count, 0) <= 0 { return ContinuousClock.now - start }
    }
    return nil
}
