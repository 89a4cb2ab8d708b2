import Logging
import NIOPosix
import ServiceLifecycle
import Synchronization

/// The Oracle's durable queue of records on their way to PostgreSQL.
///
/// A record is acknowledged to the client only once it is appended to a segment file and fsync'd; it leaves the
/// spool when `RecordWriter` has stored it (or set it aside). Appends that arrive together share one write and one
/// fsync (group commit), done by `run()` on NIO's thread pool so the request threads never block on the disk.
/// Segments whose records are all stored are removed; those found at start are replayed. The spool is bounded in
/// records and bytes: past either bound an append fails with `SpoolFull`, never with a silent drop.
///
/// With an instance name (`NPS_SPOOL_INSTANCE`) each Oracle sharing the root folder has a folder of its own, locked
/// while it lives, and takes over the folders of instances that ended (`RecordSpool+Adoption`).
final class RecordSpool: Service, Sendable {
    /// A durable record waiting for the database, with the segment that holds it.
    struct Entry: Sendable {
        /// The record and its key.
        let record: SpooledRecord
        /// Its line's size, newline included.
        let bytes: Int
        /// The number of the segment file it is in.
        let segment: Int
    }

    /// Records handed over by one append call, waiting for the next write and fsync.
    private struct Handover {
        let records: [SpooledRecord]
        let lines: [[UInt8]]
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        /// Durable records not yet stored, oldest first, from `head` on.
        var pending: [Entry] = []
        var head = 0
        /// Appends waiting for the flush loop.
        var handovers: [Handover] = []
        /// Records and bytes held, durable or about to be: what the bounds apply to.
        var waitingRecords = 0
        var waitingBytes = 0
        /// Unstored records per segment number; a segment leaves this table when its file is removed.
        var unstoredBySegment: [Int: Int] = [:]
        /// The segment that appends go to.
        var activeSegment: Int
        /// The number the next new segment file gets: the next active one's, or an adopted file's.
        var nextSegment: Int
        /// Records in the dead-letter file.
        var setAside: Int
        /// Set at shutdown: appends are refused from then on.
        var closed = false

        var pendingCount: Int { pending.count - head }
    }

    /// The folder, bounds and file names.
    let configuration: Configuration
    /// Where the spool reports what it does.
    let logger: Logger
    /// With an instance name: this process's lock on its folder, held as long as the spool lives.
    private let lock: SpoolLock?
    private let state: Mutex<State>
    private let deadLetter: DeadLetterFile
    private let flushRequests: AsyncStream<Void>
    private let flushRequester: AsyncStream<Void>.Continuation
    /// Yields when records become durable, so the writer wakes without polling.
    let arrivals: AsyncStream<Void>
    private let arrivalSignal: AsyncStream<Void>.Continuation

    /// Opens the spool in `configuration.folder` (made when missing) and takes over the records a previous run
    /// left there; a folder it cannot write is an error naming it (`SpoolFileError`). With an instance name it first
    /// locks its folder (`SpoolInstanceInUse` while a live process holds it) and last adopts ended instances' folders.
    init(configuration: Configuration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        try SpoolFile.prepareFolder(configuration.directory)
        if configuration.instance != nil {
            try SpoolFile.prepareFolder(configuration.instancesDirectory)
            lock = try SpoolLock.claim(configuration)
        } else {
            lock = nil
        }
        deadLetter = DeadLetterFile(path: configuration.deadLetterPath)
        let replay = try SpoolReplay(configuration: configuration, deadLetter: deadLetter, logger: logger)
        var state = State(activeSegment: replay.nextSegment, nextSegment: replay.nextSegment + 1, setAside: try deadLetter.count())
        state.pending = replay.entries
        state.waitingRecords = replay.entries.count
        state.waitingBytes = replay.entries.reduce(0) { $0 + $1.bytes }
        for entry in replay.entries { state.unstoredBySegment[entry.segment, default: 0] += 1 }
        self.state = Mutex(state)
        (flushRequests, flushRequester) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        (arrivals, arrivalSignal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        if !replay.entries.isEmpty {
            logger.info(
                "Spool holds records from before the restart; writing them to the database",
                metadata: ["records": "\(replay.entries.count)", "spool": "\(configuration.folder)"]
            )
            arrivalSignal.yield()
        }
        adoptOrphans()
    }

    /// What waits and what was set aside.
    var backlog: WriteBacklog {
        state.withLock { WriteBacklog(pending: $0.waitingRecords, setAside: $0.setAside) }
    }

    /// Makes `records` durable together; returns once they are on the disk. Throws `SpoolFull` past a bound,
    /// `SpoolClosed` during shutdown, or the file error that kept them from the disk; nothing is kept then.
    func append(_ records: [SpooledRecord]) async throws {
        let lines = try records.map { try $0.line() }
        let bytes = lines.reduce(0) { $0 + $1.count }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let refusal: (any Error)? = state.withLock { state in
                if state.closed { return SpoolClosed() }
                guard state.waitingRecords + records.count <= configuration.maxRecords,
                    state.waitingBytes + bytes <= configuration.maxBytes
                else {
                    return SpoolFull(waitingRecords: state.waitingRecords, waitingBytes: state.waitingBytes, limits: configuration)
                }
                state.waitingRecords += records.count
                state.waitingBytes += bytes
                state.handovers.append(Handover(records: records, lines: lines, continuation: continuation))
                return nil
            }
            if let refusal {
                continuation.resume(throwing: refusal)
            } else {
                flushRequester.yield()
            }
        }
    }

    /// The flush loop: writes handed-over records to the active segment, fsyncs, then acknowledges them; with an
    /// instance name, beside it, the adoption of ended instances' folders every `adoptionInterval`. At shutdown it
    /// refuses new appends and flushes the ones already handed over before it returns.
    func run() async throws {
        var active = ActiveSegment()
        await withDiscardingTaskGroup { tasks in
            if configuration.instance != nil {
                tasks.addTask { await self.adoptOrphansPeriodically() }
            }
            await withGracefulShutdownHandler {
                for await _ in flushRequests {
                    await flush(&active)
                }
            } onGracefulShutdown: {
                self.state.withLock { $0.closed = true }
                self.flushRequester.finish()
            }
            tasks.cancelAll()
        }
        await flush(&active)
        arrivalSignal.finish()
    }

    /// Up to `limit` of the oldest unstored records, without removing them.
    func oldest(_ limit: Int) -> [Entry] {
        state.withLock { state in
            Array(state.pending[state.head..<min(state.pending.count, state.head + limit)])
        }
    }

    /// Removes the `count` oldest records: their rows are stored.
    func markStored(_ count: Int) {
        removeOldest(count, setAside: false)
    }

    /// Moves the oldest record, which the database refuses for good, to the dead-letter file and removes it.
    func setAsideOldest(_ entry: Entry, reason: String) throws {
        try deadLetter.append(entry.record, table: entry.record.record.table, reason: reason)
        removeOldest(1, setAside: true)
    }

    /// A number for a new segment file that no other file of the folder has or gets.
    func reserveSegment() -> Int {
        state.withLock { state in
            defer { state.nextSegment += 1 }
            return state.nextSegment
        }
    }

    /// Counts `entries`, already in segment files of this folder, and `setAside` more records in the dead-letter
    /// file, as this spool's: adopted from an ended instance, they are stored and removed like any other.
    func takeOver(_ entries: [Entry], setAside: Int) {
        state.withLock { state in
            // Past the bounds too: they were acknowledged, and the bounds refuse new appends until they are stored.
            state.pending.append(contentsOf: entries)
            state.waitingRecords += entries.count
            state.waitingBytes += entries.reduce(0) { $0 + $1.bytes }
            for entry in entries { state.unstoredBySegment[entry.segment, default: 0] += 1 }
            state.setAside += setAside
        }
        if !entries.isEmpty { arrivalSignal.yield() }
    }

    private func removeOldest(_ count: Int, setAside: Bool) {
        let (finished, drained): ([Int], Bool) = state.withLock { state in
            var finished: [Int] = []
            for index in state.head..<(state.head + count) {
                let entry = state.pending[index]
                state.waitingBytes -= entry.bytes
                let left = (state.unstoredBySegment[entry.segment] ?? 1) - 1
                if left == 0, entry.segment != state.activeSegment {
                    state.unstoredBySegment[entry.segment] = nil
                    finished.append(entry.segment)
                } else {
                    state.unstoredBySegment[entry.segment] = left
                }
            }
            state.head += count
            state.waitingRecords -= count
            if setAside { state.setAside += count }
            if state.head == state.pending.count {
                state.pending.removeAll(keepingCapacity: true)
                state.head = 0
            } else if state.head >= 4096 {
                state.pending.removeFirst(state.head)
                state.head = 0
            }
            return (finished, state.pendingCount == 0)
        }
        for segment in finished { removeSegmentFile(segment) }
        // The flush loop retires a drained active segment, so an idle spool keeps no file to replay.
        if drained { flushRequester.yield() }
    }

    private func removeSegmentFile(_ segment: Int) {
        do {
            try SpoolFile.remove(configuration.segmentPath(segment))
        } catch {
            // Left behind, the file is replayed at the next start and its rows, already stored, are skipped by key.
            logger.warning("Spool segment not removed", metadata: ["error": "\(error)"])
        }
    }
}

extension RecordSpool {
    /// The open segment file of the flush loop; only the flush loop touches it.
    struct ActiveSegment {
        /// The file, opened at the first append to the segment.
        var file: SpoolFile?
        /// Bytes appended to it.
        var size = 0
    }

    private func flush(_ active: inout ActiveSegment) async {
        while true {
            let (handovers, stored) = state.withLock { state in
                defer { state.handovers = [] }
                return (state.handovers, state.unstoredBySegment[state.activeSegment, default: 0] == 0)
            }
            // A full segment, or one whose records are all stored while nothing new comes, is closed.
            if active.size > 0, active.size >= configuration.segmentBytes || (handovers.isEmpty && stored) {
                closeActiveSegment(&active)
            }
            guard !handovers.isEmpty else { return }
            await write(handovers, to: state.withLock { $0.activeSegment }, active: &active)
        }
    }

    private func write(_ handovers: [Handover], to segment: Int, active: inout ActiveSegment) async {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(handovers.reduce(0) { $0 + $1.lines.reduce(0) { $0 + $1.count } })
        for handover in handovers { for line in handover.lines { bytes.append(contentsOf: line) } }
        let path = configuration.segmentPath(segment)
        let directory = configuration.folder
        let (file, sizeBefore) = (active.file, active.size)
        do {
            active.file = try await NIOThreadPool.singleton.runIfActive { [bytes] in
                let target: SpoolFile
                if let file {
                    target = file
                } else {
                    target = try SpoolFile(appendingTo: path)
                    try SpoolFile.syncFolder(directory)
                }
                try target.append(bytes)
                return target
            }
            active.size += bytes.count
        } catch {
            // No record of this write counts. Cut its partial line off; when that is not possible (or the file is new
            // and its handle lost), appends go on in a new segment and this one keeps only its complete lines.
            if (try? file?.truncate(to: sizeBefore)) == nil {
                closeActiveSegment(&active)
            }
            let failed = handovers.reduce(into: (records: 0, bytes: 0)) { sum, handover in
                sum.records += handover.records.count
                sum.bytes += handover.lines.reduce(0) { $0 + $1.count }
            }
            state.withLock {
                $0.waitingRecords -= failed.records
                $0.waitingBytes -= failed.bytes
            }
            logger.error("Spool write failed; the calls are refused", metadata: ["error": "\(error)", "records": "\(failed.records)"])
            for handover in handovers { handover.continuation.resume(throwing: error) }
            return
        }
        let entries = handovers.flatMap { handover in
            zip(handover.records, handover.lines).map { Entry(record: $0, bytes: $1.count, segment: segment) }
        }
        state.withLock { state in
            state.pending.append(contentsOf: entries)
            state.unstoredBySegment[segment, default: 0] += entries.count
        }
        for handover in handovers { handover.continuation.resume() }
        arrivalSignal.yield()
    }

    // Appends go on in a new segment; the closed one's file goes now if all its records are stored, else with its
    // last. Only the flush loop calls it, so no append is writing to the segment meanwhile.
    private func closeActiveSegment(_ active: inout ActiveSegment) {
        let (number, stored) = state.withLock { state in
            let number = state.activeSegment
            let stored = state.unstoredBySegment[number, default: 0] == 0
            if stored { state.unstoredBySegment[number] = nil }
            state.activeSegment = state.nextSegment
            state.nextSegment += 1
            return (number, stored)
        }
        active = ActiveSegment()
        if stored { removeSegmentFile(number) }
    }
}
