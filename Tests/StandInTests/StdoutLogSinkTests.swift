import Foundation
import LogTimeFormat
import Logging
import ServiceRuntime
import Testing

/// The stand-ins' stdout log lines: one JSON object each, written by the Oracle's encoder and handler through a
/// stdout-only `LogSink`.
@Suite("Stand-ins' stdout log sink")
struct StdoutLogSinkTests {
    /// A stdout-only sink writing to a fresh file, so what it wrote can be read back.
    private final class CapturedStdout {
        let path = NSTemporaryDirectory() + "stand-in-stdout-" + UUID().uuidString + ".log"
        let handle: FileHandle
        let sink: LogSink

        init() throws {
            try #require(FileManager.default.createFile(atPath: path, contents: nil))
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            sink = LogSink(standardOutput: handle.fileDescriptor)
        }

        deinit {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: path)
        }

        /// Every line written so far, each parsed as a JSON object; fails unless the text ends in a newline.
        func objects() throws -> [[String: Any]] {
            let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
            try #require(text.hasSuffix("\n"))
            return try text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).map { line in
                try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            }
        }
    }

    @Test("a line is one JSON object with time, level, message, label and the metadata")
    func line() throws {
        let encoded = EncodedLogLine(
            time: UnixInstant(unixMilliseconds: 1_770_311_700_250),
            level: "info",
            message: "Range \"suggestion\"\nfrom Oracle\u{1}",
            label: "nps.scanner",
            source: "ScannerStandIn",
            metadata: [
                "strategy": .string("gap_fill"), "message": .string("clash"),
                "nested": .dictionary(["a": .string("b")]),
            ]
        )
        let text = String(decoding: encoded.bytes, as: UTF8.self)
        #expect(text.hasSuffix("}\n"))
        #expect(text.dropLast().contains("\n") == false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["time"] as? String == "2026-02-05T17:15:00.250Z")
        #expect(object["level"] as? String == "info")
        #expect(object["message"] as? String == "Range \"suggestion\"\nfrom Oracle\u{1}")
        #expect(object["label"] as? String == "nps.scanner")
        #expect(object["strategy"] as? String == "gap_fill")
        #expect(object["meta_message"] as? String == "clash")
        // One encoder for all services: nested metadata stays a JSON object, as the Oracle writes it.
        #expect((object["nested"] as? [String: String]) == ["a": "b"])
        #expect(text.hasPrefix(#"{"time":"#))
    }

    @Test("through the handler: reserved fields are never overwritten and nested metadata stays nested")
    func collisionAndNesting() throws {
        let stdout = try CapturedStdout()
        var logger = Logger(label: "nps.api") { JSONLogHandler(label: $0, sink: stdout.sink, logLevel: .debug) }
        logger[metadataKey: "label"] = "from handler"
        struct Unreachable: Error {}
        logger.debug("a debug line passes at debug", metadata: ["attempt": .stringConvertible(2)])
        logger.error(
            "Oracle call failed",
            error: Unreachable(),
            metadata: [
                "error": "from metadata", "level": "l",
                "oracle": ["host": "nps-oracle", "ports": [.string("50052"), .stringConvertible(8052)]],
            ]
        )

        let objects = try stdout.objects()
        #expect(objects.count == 2)
        #expect(objects.first?["attempt"] as? String == "2")
        let object = try #require(objects.last)
        #expect(object["level"] as? String == "error")
        #expect(object["meta_level"] as? String == "l")
        #expect(object["label"] as? String == "nps.api")
        #expect(object["meta_label"] as? String == "from handler")
        #expect(object["error"] as? String == "Unreachable()", "the call's error is the reserved field")
        #expect(object["meta_error"] as? String == "from metadata", "metadata no longer overwrites it")
        #expect(object["source"] as? String == "StandInTests")
        let oracle = try #require(object["oracle"] as? [String: Any])
        #expect(oracle["host"] as? String == "nps-oracle")
        #expect(oracle["ports"] as? [String] == ["50052", "8052"])
    }
}
