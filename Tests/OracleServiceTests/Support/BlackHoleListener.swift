import Foundation
import ServiceTesting

/// A loopback port that drops connection attempts the way a black-holed host does: no answer, not even a refusal.
///
/// It is a listener whose accept queue (backlog 0: one place) is held full by a connection of its own that is never
/// accepted. The kernel drops a SYN to a listener whose accept queue is full, so a client's connect waits for its own
/// timeout. (A listener with room in its queue would complete the handshake; an address like 10.255.255.1 is
/// answered by this sandbox's network.)
final class BlackHoleListener: Sendable {
    /// The port whose connection attempts go unanswered.
    var port: Int { listener.port }
    private let listener: BusyPort
    private let filler: Int32

    /// Listens on a free loopback port and fills its accept queue.
    init() throws {
        let listener = try BusyPort(backlog: 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(listener.port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        let filled =
            filler >= 0
            && withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                    connect(filler, socketAddress, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
        guard filled else {
            let code = errno
            close(filler)
            throw POSIXError(.init(rawValue: code) ?? .EIO)
        }
        self.listener = listener
        self.filler = filler
    }

    deinit { close(filler) }
}
