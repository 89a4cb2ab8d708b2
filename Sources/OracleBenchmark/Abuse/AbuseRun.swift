import Foundation
import NIOCore
import NIOPosix
import ProcessRunning

/// `load --abuse KIND`: one TCP connection to the target misused in one way, bounded by `frames` and by `hold`, while a
/// reader notes what the server answers and when it closes the connection.
struct AbuseRun: Sendable, Equatable {
    /// How long the abuser waits for the server to close the connection without `--hold`: past the 60 s within which
    /// an idle connection must be closed, so a later close is measured rather than cut off.
    static let defaultHold: Duration = .seconds(75)
    /// The most frames (HTTP/1: bytes trickled) without `--frames`.
    static let defaultFrames = 1000
    /// The most `--frames` takes.
    static let maxFrames = 100_000
    /// The pause between two trickled bytes: "one byte every few seconds".
    static let trickleInterval: Duration = .seconds(2)
    /// Frames written at once in a flood.
    static let burst = 10
    /// The pause after each burst: a few thousand frames a second, and the writer sees a close within milliseconds.
    static let burstPause: Duration = .milliseconds(2)
    /// How long the abuser waits for the TCP connection.
    static let connectTimeout: TimeAmount = .seconds(5)
    /// How long the endless streams wait for the server's SETTINGS (its stream limit) before opening them.
    static let settingsWait: Duration = .seconds(5)
    /// How often the abuser looks whether the connection closed while it waits.
    static let closeCheck: Duration = .milliseconds(20)
    /// The call every HEADERS opens: a unary RPC whose request never comes.
    static let callPath = "/nps.oracle.OracleService/GetReading"

    /// The abuse.
    let kind: AbuseKind
    /// How long to keep the connection when the server does not close it (`--hold`).
    var hold: Duration = defaultHold
    /// The most frames to send, or HTTP/1 bytes to trickle (`--frames`).
    var frames: Int = defaultFrames

    /// Connects to `target`, abuses the connection and waits for the server to close it, for at most `hold`.
    func run(against target: OracleTarget) async -> AbuseReport {
        var report = AbuseReport(kind: kind.rawValue, target: target.description, holdSeconds: hold.inSeconds)
        let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(Self.connectTimeout)
                .connect(host: target.host, port: target.port) { channel in
                    channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
                }
        } catch {
            report.failure = "cannot connect to \(target): \(error)"
            return report
        }
        report.connected = true
        let ledger = AbuseLedger(report: report)
        let deadline = ContinuousClock.now + hold
        do {
            try await channel.executeThenClose { inbound, outbound in
                // The preface goes before the reader starts: its acknowledgement of the server's SETTINGS must not
                // overtake it.
                if kind.speaksHTTP2 {
                    do {
                        try await send([.settings()], preface: true, on: outbound, ledger: ledger)
                    } catch {
                        ledger.ended("closed before the preface: \(error)")
                        return
                    }
                }
                await withTaskGroup(of: Void.self) { group in
                    group.addTask { await read(inbound, answeringOn: outbound, into: ledger) }
                    do {
                        try await abuse(outbound, ledger: ledger, authority: target.description, host: target.host, until: deadline)
                    } catch {
                        // A write fails once the server has closed the connection; the reader records how it closed.
                    }
                    while !ledger.isClosed, ContinuousClock.now < deadline {
                        try? await Task.sleep(for: Self.closeCheck)
                    }
                    if !ledger.isClosed {
                        ledger.closingOurselves()
                        channel.channel.close(promise: nil)
                    }
                }
            }
        } catch {
            // Closing a connection the server has already closed fails; that close is recorded already.
        }
        return ledger.report
    }

    // Sends the abuse of `kind` (after the HTTP/2 preface, for HTTP/2), within `frames` and `deadline`.
    private func abuse(
        _ outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        ledger: AbuseLedger,
        authority: String,
        host: String,
        until deadline: ContinuousClock.Instant
    ) async throws {
        switch kind {
        case .rapidReset:
            let block = HPACKBlock.grpcCall(path: Self.callPath, authority: authority)
            try await flood(outbound, ledger: ledger, until: deadline) { index in
                let stream = UInt32(2 * index + 1)
                return [.headers(stream: stream, block: block), .rstStream(stream: stream)]
            }
        case .pingFlood:
            try await flood(outbound, ledger: ledger, until: deadline) { index in [.ping(UInt64(index))] }
        case .settingsFlood:
            // The same value again and again: no change, but each SETTINGS must still be applied and acknowledged.
            try await flood(outbound, ledger: ledger, until: deadline) { _ in [.settings([(H2Frame.initialWindowSizeSetting, UInt32(65_535))])] }
        case .endlessStreams:
            try await openEndlessStreams(outbound, ledger: ledger, authority: authority, until: deadline)
        case .slowloris:
            try await trickle(.slowloris(host: host), on: outbound, ledger: ledger, until: deadline)
        case .slowBody:
            try await trickle(.slowBody(host: host), on: outbound, ledger: ledger, until: deadline)
        case .idle, .idleH2:
            break
        }
    }

    // Sends `make(0)`, `make(1)`, … in bursts until `frames` frames are sent, the connection closes or `deadline` passes.
    private func flood(
        _ outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        ledger: AbuseLedger,
        until deadline: ContinuousClock.Instant,
        _ make: (Int) -> [H2Frame]
    ) async throws {
        var sent = 0
        var index = 0
        while sent < frames, !ledger.isClosed, ContinuousClock.now < deadline {
            var batch: [H2Frame] = []
            while batch.count < Self.burst {
                let next = make(index)
                guard sent + batch.count + next.count <= frames else { break }
                batch += next
                index += 1
            }
            guard !batch.isEmpty else { return }
            try await send(batch, on: outbound, ledger: ledger)
            sent += batch.count
            try await Task.sleep(for: Self.burstPause)
        }
    }

    // Waits for the server's stream limit, then opens that many streams (at most `frames`), none of them ever ended.
    private func openEndlessStreams(
        _ outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        ledger: AbuseLedger,
        authority: String,
        until deadline: ContinuousClock.Instant
    ) async throws {
        let settingsDeadline = min(deadline, ContinuousClock.now + Self.settingsWait)
        while !ledger.hasServerSettings, !ledger.isClosed, ContinuousClock.now < settingsDeadline {
            try await Task.sleep(for: Self.closeCheck)
        }
        let block = HPACKBlock.grpcCall(path: Self.callPath, authority: authority)
        let count = min(ledger.advertisedMaxConcurrentStreams ?? frames, frames)
        var opened = 0
        while opened < count, !ledger.isClosed {
            let batch = (opened..<min(count, opened + Self.burst)).map { H2Frame.headers(stream: UInt32(2 * $0 + 1), block: block) }
            try await send(batch, on: outbound, ledger: ledger)
            opened += batch.count
        }
    }

    // Sends the request's upfront part, then one trickled byte every `trickleInterval`, at most `frames` of them.
    private func trickle(
        _ request: SlowRequest,
        on outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        ledger: AbuseLedger,
        until deadline: ContinuousClock.Instant
    ) async throws {
        if !request.upfront.isEmpty { try await send(bytes: request.upfront, on: outbound, ledger: ledger) }
        var index = 0
        while index < frames, !ledger.isClosed, ContinuousClock.now < deadline {
            try await send(bytes: [request.trickledByte(index)], on: outbound, ledger: ledger)
            index += 1
            try await Task.sleep(for: Self.trickleInterval)
        }
    }

    // Reads until the connection ends: HTTP/2 frames (answering SETTINGS, and PINGs when the kind does) or the status of
    // an HTTP/1 response; then records how it ended.
    private func read(
        _ inbound: NIOAsyncChannelInboundStream<ByteBuffer>,
        answeringOn outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        into ledger: AbuseLedger
    ) async {
        var pending: [UInt8] = []
        do {
            for try await buffer in inbound {
                pending += buffer.readableBytesView
                guard kind.speaksHTTP2 else {
                    if let status = SlowRequest.responseStatus(pending) { ledger.received(httpStatus: status) }
                    // Only a response's first line is read; the rest of a long answer is not kept.
                    pending = Array(pending.prefix(64))
                    continue
                }
                let (frames, consumed) = H2Frame.frames(in: pending)
                pending.removeFirst(consumed)
                for frame in frames {
                    ledger.received(frame)
                    if let answer = answer(to: frame) { try? await send([answer], on: outbound, ledger: ledger) }
                }
            }
            ledger.ended("eof")
        } catch let error as IOError where error.errnoCode == ECONNRESET {
            ledger.ended("reset")
        } catch {
            ledger.ended("error: \(error)")
        }
    }

    // What a client answers `frame` with: an acknowledgement of the server's SETTINGS, and of its PINGs when the kind
    // answers them.
    private func answer(to frame: H2Frame) -> H2Frame? {
        guard !frame.isAck else { return nil }
        switch frame.type {
        case H2Frame.settingsType: return .settingsAck
        case H2Frame.pingType where kind.answersPings: return .pingAck(of: frame)
        default: return nil
        }
    }

    // Writes `frames` (after the client preface when `preface`) and counts them.
    private func send(
        _ frames: [H2Frame],
        preface: Bool = false,
        on outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>,
        ledger: AbuseLedger
    ) async throws {
        let bytes = (preface ? H2Frame.clientPreface : []) + frames.flatMap(\.bytes)
        try await outbound.write(ByteBuffer(bytes: bytes))
        ledger.sent(frames: frames.count, bytes: bytes.count, streams: frames.filter { $0.type == H2Frame.headersType }.count)
    }

    // Writes HTTP/1 `bytes` as one write and counts it.
    private func send(bytes: [UInt8], on outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, ledger: AbuseLedger) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
        ledger.sent(frames: 1, bytes: bytes.count, streams: 0)
    }
}
