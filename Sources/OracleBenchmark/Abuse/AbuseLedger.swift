import ProcessRunning
import Synchronization

/// What the abuser's writer and reader share: the report both fill in, whether the server has sent its SETTINGS, and
/// whether the connection is closed (by the server, or by the abuser at the end of its hold, which is not counted).
final class AbuseLedger: Sendable {
    /// The report and the flags, behind one lock.
    private struct State {
        var report: AbuseReport
        var serverSettingsSeen = false
        var closingOurselves = false
    }

    private let state: Mutex<State>
    /// When the connection was up: the zero of the report's times.
    private let start = ContinuousClock.now

    /// A ledger starting from `report`, its clock from now.
    init(report: AbuseReport) {
        state = Mutex(State(report: report))
    }

    /// The report so far.
    var report: AbuseReport { state.withLock { $0.report } }
    /// Whether the connection is closed, by either side.
    var isClosed: Bool { state.withLock { $0.report.closed || $0.closingOurselves } }
    /// Whether the server's first SETTINGS has come.
    var hasServerSettings: Bool { state.withLock { $0.serverSettingsSeen } }
    /// The stream limit the server advertised, if it has.
    var advertisedMaxConcurrentStreams: Int? { state.withLock { $0.report.advertisedMaxConcurrentStreams } }

    /// Counts a write of `frames` frames, `bytes` bytes in all, opening `streams` streams.
    func sent(frames: Int, bytes: Int, streams: Int) {
        let now = seconds
        state.withLock { state in
            state.report.framesSent += frames
            state.report.bytesSent += bytes
            state.report.streamsOpened += streams
            state.report.lastSentSeconds = now
        }
    }

    /// Counts a frame from the server: the stream limit of its SETTINGS, and each GOAWAY's code.
    func received(_ frame: H2Frame) {
        let now = seconds
        state.withLock { state in
            state.report.framesReceived[frame.typeName, default: 0] += 1
            if frame.type == H2Frame.settingsType, !frame.isAck, !state.serverSettingsSeen {
                state.serverSettingsSeen = true
                state.report.advertisedMaxConcurrentStreams = frame.settingsValues[H2Frame.maxConcurrentStreamsSetting].map(Int.init)
            }
            guard let code = frame.goAwayErrorCode else { return }
            if state.report.goawayErrors.isEmpty {
                state.report.goawaySeconds = now
                state.report.goawayDebug = frame.goAwayDebugText
            }
            state.report.goawayErrors.append(H2Frame.errorName(code))
        }
    }

    /// Records the status of the server's HTTP/1 response.
    func received(httpStatus: Int) {
        state.withLock { $0.report.httpStatus = $0.report.httpStatus ?? httpStatus }
    }

    /// The connection ended `how` ("eof", "reset", …): the server closed it, unless the abuser was closing it itself.
    func ended(_ how: String) {
        let now = seconds
        state.withLock { state in
            guard !state.closingOurselves, !state.report.closed else { return }
            state.report.closed = true
            state.report.closedBy = how
            state.report.closedSeconds = now
        }
    }

    /// The abuser is closing the connection itself: the hold is over and the server has not closed it.
    func closingOurselves() {
        state.withLock { $0.closingOurselves = true }
    }

    /// Seconds since the connection was up.
    private var seconds: Double { (ContinuousClock.now - start).inSeconds }
}
