import Logging
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A swift-log handler that writes one JSON object per line to stdout: `time`, `level`, `message`, `label`, then metadata.
///
/// The Oracle's own JSON handler lives in its executable target and also writes a rotating file, which the
/// stand-ins do not need; this is the stdout-only minimum, in the same shape.
public struct JSONLinesLogHandler: LogHandler {
    /// Keys the handler writes itself; metadata with these names gets `meta_` in front.
    static let reservedKeys: Set<String> = ["time", "level", "message", "label"]
    /// Held while a line is written so lines from concurrent tasks never interleave.
    private static let output = Mutex(())
    /// UTC with milliseconds, like the Oracle's `time` field.
    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// The logger's label.
    public let label: String
    /// Messages below this level are filtered out by `Logger` before they reach the handler.
    public var logLevel: Logger.Level
    /// Fields added to every line of this logger.
    public var metadata: Logger.Metadata = [:]
    /// Supplies contextual (e.g. task-local) metadata at each log call.
    public var metadataProvider: Logger.MetadataProvider?

    /// Creates a handler for `label` at `logLevel`.
    public init(label: String, logLevel: Logger.Level, metadataProvider: Logger.MetadataProvider? = nil) {
        self.label = label
        self.logLevel = logLevel
        self.metadataProvider = metadataProvider
    }

    /// Makes every `Logger` of the process write JSON lines at `logLevel`; call once, at startup.
    public static func bootstrap(logLevel: Logger.Level) {
        // A closed stdout (a log collector that went away) must not kill the process.
        signal(SIGPIPE, SIG_IGN)
        LoggingSystem.bootstrap(
            { label, provider in JSONLinesLogHandler(label: label, logLevel: logLevel, metadataProvider: provider) },
            metadataProvider: nil
        )
    }

    /// Reads or sets one field of the handler's metadata.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// Renders one record and writes it to stdout under the lock, so lines never interleave.
    public func log(event: LogEvent) {
        var fields = metadata
        if let provided = metadataProvider?.get() { fields.merge(provided) { _, new in new } }
        if let own = event.metadata { fields.merge(own) { _, new in new } }
        if let error = event.error { fields["error"] = "\(error)" }
        let bytes = Array(Self.line(time: Date(), level: event.level, message: "\(event.message)", label: label, metadata: fields).utf8)
        Self.output.withLock { _ in
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
                if written < 0, errno == EINTR { continue }
                // A log call cannot report a failed stdout, and there is nowhere else to send the line.
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    /// Renders one record as a JSON object and a newline; metadata keys come sorted after the fixed fields.
    static func line(time: Date, level: Logger.Level, message: String, label: String, metadata: Logger.Metadata) -> String {
        var line = "{\"time\":\(quoted(timeFormat.format(time)))"
        line += ",\"level\":\(quoted(level.rawValue)),\"message\":\(quoted(message)),\"label\":\(quoted(label))"
        for key in metadata.keys.sorted() {
            let name = reservedKeys.contains(key) ? "meta_" + key : key
            line += ",\(quoted(name)):\(quoted(metadata[key]!.description))"
        }
        return line + "}\n"
    }

    /// `text` as a JSON string literal (RFC 8259 escaping; non-ASCII stays UTF-8).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
