import Logging
import NIOPosix

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension RecordSpool {
    /// Adopts the folder of every ended instance beside this one (its lock can be taken: the kernel released it when
    /// the process ended) and removes what earlier adoptions left; a folder not adopted is tried again next round.
    func adoptOrphans() {
        guard let instance = configuration.instance else { return }
        let names: [String]
        do {
            names = try SpoolFile.names(in: configuration.instancesDirectory)
        } catch {
            logger.warning("Spool instances folder not readable; ended instances' records wait", metadata: ["error": "\(error)"])
            return
        }
        for name in names.sorted() where name != instance {
            let folder = configuration.instancesDirectory + "/" + name
            do {
                // A hidden name is no instance's: it is a folder an adoption has emptied and not removed yet.
                if name.hasPrefix(".") {
                    try SpoolFile.removeFolder(folder)
                } else {
                    try adopt(configuration.sibling(name))
                }
            } catch {
                logger.warning(
                    "Spool folder of an ended instance not adopted or removed yet; tried again in \(configuration.adoptionInterval)",
                    metadata: ["folder": "\(folder)", "error": "\(error)"]
                )
            }
        }
    }

    /// Calls `adoptOrphans()` every `adoptionInterval` on NIO's thread pool, until the task is cancelled.
    func adoptOrphansPeriodically() async {
        do {
            while true {
                try await Task.sleep(for: configuration.adoptionInterval)
                try await NIOThreadPool.singleton.runIfActive { self.adoptOrphans() }
            }
        } catch {
            // Cancelled: the spool is stopping.
        }
    }

    // Nothing is lost whatever step a crash stops it at. The segment files move here by rename (in one folder or the
    // other, never both or neither), counted as they come, and both folders are synced before anything of the ended
    // folder goes. Its dead-letter lines are appended here before its file is removed (a crash in between repeats
    // them, never loses them). Then the folder, holding nothing but lock files, is renamed out of the scan and
    // removed; a crash leaves either a folder adopted again from where it stopped, or a hidden one anyone removes.
    // Its lock is held throughout, so no other live Oracle adopts it meanwhile.
    private func adopt(_ orphan: Configuration) throws {
        guard let lock = try SpoolLock.take(orphan) else { return }
        defer { withExtendedLifetime(lock) {} }
        let orphanDeadLetter = DeadLetterFile(path: orphan.deadLetterPath)
        // Cuts a partial last line and sets unreadable lines aside in its dead-letter file, which comes along below.
        let replay = try SpoolReplay(configuration: orphan, deadLetter: orphanDeadLetter, logger: logger)
        var records = 0
        for (segment, entries) in Dictionary(grouping: replay.entries, by: \.segment).sorted(by: { $0.key < $1.key }) {
            let number = reserveSegment()
            try SpoolFile.move(orphan.segmentPath(segment), to: configuration.segmentPath(number))
            takeOver(entries.map { Entry(record: $0.record, bytes: $0.bytes, segment: number) }, setAside: 0)
            records += entries.count
        }
        try SpoolFile.syncFolder(configuration.folder)
        try SpoolFile.syncFolder(orphan.folder)
        let setAside = try DeadLetterFile(path: configuration.deadLetterPath).append(linesOf: orphanDeadLetter)
        takeOver([], setAside: setAside)
        try SpoolFile.remove(orphanDeadLetter.path)
        let emptied = configuration.instancesDirectory + "/.adopted-" + UUID().uuidString
        try SpoolFile.move(orphan.folder, to: emptied)
        try SpoolFile.syncFolder(configuration.instancesDirectory)
        logger.info(
            "Adopted the spool folder of an ended instance; its records are stored from here",
            metadata: [
                "instance": "\(orphan.instance ?? "")", "records": "\(records)", "set_aside": "\(setAside)",
                "spool": "\(configuration.folder)",
            ]
        )
        // Only lock files are left in it; one not removed now is at the next round.
        try? SpoolFile.removeFolder(emptied)
    }
}
