/// Observability (OBS.*).
extension Requirements {
    /// The size at which the Oracle's log file must rotate: 10 MB (MiB, as the service counts it).
    package static let rotationBytes = 10 * 1_048_576
    /// How many rotated files must be kept.
    package static let keptLogBackups = 5
    /// How many bytes of log lines the rotation flood must drive: more than 60 MB.
    package static let minimumDrivenLogBytes = 60 * 1_048_576
    /// How much the log folder must hold after a flood: the five full backups, at least 50 MB.
    package static let minimumKeptLogBytes = 50 * 1_048_576

    /// OBS.stdout.
    package static let obsStdout = Requirement("OBS.stdout", asks: "the Oracle logs to stdout (docker logs nps-oracle has lines)", limit: "> 0 lines")
    /// OBS.json.
    package static let obsJSON = Requirement(
        "OBS.json",
        asks: "every Oracle log line is one JSON object with at least time, level and message",
        limit: "every line a JSON object with time, level, message"
    )
    /// OBS.file.
    package static let obsFile = Requirement(
        "OBS.file",
        asks: "the same lines go to /app/logs/oracle.log, which is infrastructure/volumes/logs/oracle.log on the host",
        limit: "the same lines"
    )
    /// OBS.rotation.
    package static let obsRotation = Requirement(
        "OBS.rotation",
        asks: "the log file rotates at \(rotationBytes / 1_048_576) MB and keeps \(keptLogBackups) backups",
        limit:
            "> \(minimumDrivenLogBytes / 1_048_576) MB driven; oracle.log ≤ \(rotationBytes / 1_048_576) MB, exactly oracle.log.1 … .\(keptLogBackups) "
            + "each ≤ \(rotationBytes / 1_048_576) MB, ≥ \(minimumKeptLogBytes / 1_048_576) MB kept, every line JSON"
    )
}
