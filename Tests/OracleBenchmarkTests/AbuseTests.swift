import CheckpointRules
import Foundation
import Testing

@testable import OracleBenchmark

/// `oracle-benchmark load --abuse`: its command line, the HTTP/2 frames and HPACK blocks it writes by hand, the slow
/// HTTP/1 requests, and its JSON line read back by the checkpoint rules' decoder.
@Suite("oracle-benchmark load --abuse")
struct AbuseTests {
    @Test("--abuse KIND takes any port as its target; --hold and --frames bound it, with 75 s and 1,000 by default")
    func options() throws {
        let plain = try LoadOptions(arguments: ["--target", "127.0.0.1:8052", "--abuse", "slowloris"])
        #expect(plain.target == OracleTarget(host: "127.0.0.1", port: 8052))
        #expect(plain.mode == .abuse(AbuseRun(kind: .slowloris)))
        #expect(plain.concurrency == 1)
        let bounded = try LoadOptions(arguments: ["--target=localhost:50052", "--abuse=rapid-reset", "--hold", "2.5", "--frames", "400"])
        #expect(bounded.mode == .abuse(AbuseRun(kind: .rapidReset, hold: .milliseconds(2500), frames: 400)))
        for kind in AbuseKind.allCases {
            #expect(try LoadOptions(arguments: ["--target", "h:1", "--abuse", kind.rawValue]).mode == .abuse(AbuseRun(kind: kind)))
        }
    }

    @Test(
        "a bad --abuse command line names the flag",
        arguments: [
            (
                ["--abuse", "smurf"],
                "--abuse: 'smurf' is not one of rapid-reset, ping-flood, settings-flood, endless-streams, slowloris, slow-body, idle, idle-h2"
            ),
            (["--abuse", "idle", "--hold", "0"], "--hold: the connection must be held for more than 0 seconds"),
            (["--abuse", "idle", "--hold", "-3"], "--hold: '-3' is not a number of seconds from 0 to 86400"),
            (["--abuse", "ping-flood", "--frames", "0"], "--frames: '0' is not a whole number from 1 to 100000"),
            (["--readings", "5", "--hold", "3"], "--hold is only for --abuse KIND"),
            (["--fuzz", "5", "--frames", "3"], "--frames is only for --abuse KIND"),
            (["--abuse", "idle", "--readings", "5"], "--readings and --abuse cannot be given together: give one mode"),
        ]
    )
    func usageErrors(arguments: [String], message: String) {
        #expect(throws: UsageError(message)) { try LoadOptions(arguments: ["--target", "h:1"] + arguments) }
    }

    @Test("Frames are encoded as RFC 9113 lays them out: 24-bit length, type, flags, 31-bit stream, payload; HEADERS never end the stream")
    func frameEncoding() {
        #expect(H2Frame.clientPreface.count == 24)
        #expect(H2Frame.settings().bytes == [0, 0, 0, 0x04, 0, 0, 0, 0, 0])
        #expect(H2Frame.settingsAck.bytes == [0, 0, 0, 0x04, 0x01, 0, 0, 0, 0])
        #expect(H2Frame.settings([(H2Frame.initialWindowSizeSetting, 65_535)]).bytes == [0, 0, 6, 0x04, 0, 0, 0, 0, 0, 0, 0x04, 0, 0, 0xFF, 0xFF])
        #expect(H2Frame.pingAck(of: .ping(0x0102_0304_0506_0708)).bytes == [0, 0, 8, 0x06, 0x01, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8])
        #expect(H2Frame.rstStream(stream: 0x8000_0003).bytes == [0, 0, 4, 0x03, 0, 0, 0, 0, 3, 0, 0, 0, 0x08])
        let block = [UInt8](repeating: 0xAB, count: 300)
        let headers = H2Frame.headers(stream: 5, block: block).bytes
        #expect(Array(headers.prefix(9)) == [0, 0x01, 0x2C, 0x01, 0x04, 0, 0, 0, 5])
        #expect(headers.count == 309)
    }

    @Test("Frames are read back whole, a partial one left for the next read; SETTINGS and GOAWAY give their fields")
    func frameDecoding() {
        let settings = H2Frame.settings([(H2Frame.maxConcurrentStreamsSetting, 100), (H2Frame.initialWindowSizeSetting, 65_535)])
        let goAway = H2Frame(type: H2Frame.goAwayType, payload: [0, 0, 0, 9, 0, 0, 0, 0x0B] + Array("too_many_pings".utf8))
        let bytes = settings.bytes + goAway.bytes + H2Frame.ping(1).bytes.prefix(12)
        let (frames, consumed) = H2Frame.frames(in: bytes)
        #expect(frames == [settings, goAway])
        #expect(consumed == settings.bytes.count + goAway.bytes.count)
        #expect(frames[0].settingsValues == [3: 100, 4: 65_535] && frames[0].typeName == "SETTINGS" && !frames[0].isAck)
        #expect(frames[1].goAwayErrorCode == 0x0B && frames[1].goAwayDebugText == "too_many_pings" && frames[1].typeName == "GOAWAY")
        #expect(H2Frame.frames(in: Array(bytes.prefix(8))).consumed == 0)
        #expect(H2Frame.errorName(0xB) == "ENHANCE_YOUR_CALM" && H2Frame.errorName(1) == "PROTOCOL_ERROR" && H2Frame.errorName(0x42) == "0x42")
        #expect(H2Frame(type: 0x2A).typeName == "TYPE_0x2a" && H2Frame.settingsAck.goAwayErrorCode == nil)
    }

    @Test("HPACK: never-indexed literals with new names; integers of 7-bit prefixes past 127 take continuation bytes")
    func hpack() {
        #expect(HPACKBlock.integer(10, prefixBits: 7) == [10])
        #expect(HPACKBlock.integer(127, prefixBits: 7) == [127, 0])
        #expect(HPACKBlock.integer(1337, prefixBits: 5) == [31, 154, 10])
        #expect(HPACKBlock.literal([("te", "trailers")]) == [0x10, 2] + Array("te".utf8) + [8] + Array("trailers".utf8))
        let call = HPACKBlock.grpcCall(path: "/p.S/M", authority: "h:1")
        #expect(call.starts(with: [0x10, 7] + Array(":method".utf8) + [4] + Array("POST".utf8)))
        #expect(String(decoding: call, as: UTF8.self).contains("application/grpc"))
    }

    @Test("Slowloris trickles a head that never ends; a slow body announces more than it sends; a status line is read")
    func slowRequests() {
        let loris = SlowRequest.slowloris(host: "oracle")
        #expect(loris.upfront.isEmpty)
        let trickled = (0..<200).map(loris.trickledByte)
        #expect(String(decoding: trickled, as: UTF8.self).hasPrefix("GET /health HTTP/1.1\r\nHost: oracle\r\nX-Slowloris: aaa"))
        #expect(!String(decoding: trickled, as: UTF8.self).contains("\r\n\r\n"))
        let body = SlowRequest.slowBody(host: "api")
        #expect(String(decoding: body.upfront, as: UTF8.self).hasSuffix("Content-Length: 1000000\r\n\r\n"))
        #expect(body.trickledByte(0) == UInt8(ascii: " ") && body.trickledByte(10_000) == UInt8(ascii: " "))
        #expect(SlowRequest.responseStatus(Array("HTTP/1.1 408 Request Timeout\r\n".utf8)) == 408)
        #expect(SlowRequest.responseStatus(Array("HTTP/1.1 40".utf8)) == nil)
        #expect(SlowRequest.responseStatus(Array("\u{0}\u{0}\u{12}\u{4}".utf8)) == nil)
    }

    @Test("The JSON line: snake_case fields the checkpoint rules decode; exit 0 only when the server closed the connection")
    func report() throws {
        var report = AbuseReport(kind: "ping-flood", target: "127.0.0.1:50052", holdSeconds: 75)
        report.connected = true
        report.framesSent = 30
        report.bytesSent = 570
        report.advertisedMaxConcurrentStreams = 100
        report.framesReceived = ["SETTINGS": 2, "GOAWAY": 1]
        report.goawayErrors = ["ENHANCE_YOUR_CALM"]
        report.goawayDebug = "too_many_pings"
        report.goawaySeconds = 0.01
        report.lastSentSeconds = 0.009
        report.closed = true
        report.closedBy = "eof"
        report.closedSeconds = 0.012
        let decoded = try JSONDecoder().decode(OracleAbuseRun.self, from: Data(report.jsonLine().utf8))
        #expect(
            decoded
                == OracleAbuseRun(
                    kind: "ping-flood",
                    target: "127.0.0.1:50052",
                    holdSeconds: 75,
                    framesSent: 30,
                    bytesSent: 570,
                    advertisedMaxConcurrentStreams: 100,
                    framesReceived: ["SETTINGS": 2, "GOAWAY": 1],
                    goawayErrors: ["ENHANCE_YOUR_CALM"],
                    goawayDebug: "too_many_pings",
                    closed: true,
                    closedBy: "eof",
                    closedSeconds: 0.012
                )
        )
        #expect(report.exitStatus == 0)
        let open = AbuseReport(kind: "idle", target: "h:1", holdSeconds: 1)
        #expect(open.exitStatus == 1)
        #expect(try open.jsonLine().contains(#""mode":"abuse""#))
    }
}
