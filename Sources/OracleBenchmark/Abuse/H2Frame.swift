/// One HTTP/2 frame (RFC 9113 §4.1), encoded and decoded by hand so `load --abuse` can send what no client library
/// would: HEADERS cancelled at once, PING and SETTINGS by the hundred, streams that never end.
struct H2Frame: Sendable, Equatable {
    /// What a client sends before its first frame.
    static let clientPreface = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)
    /// The bytes before a frame's payload: length (24 bits), type, flags, stream (31 bits).
    static let headerBytes = 9

    /// HEADERS.
    static let headersType: UInt8 = 0x1
    /// RST_STREAM.
    static let rstStreamType: UInt8 = 0x3
    /// SETTINGS.
    static let settingsType: UInt8 = 0x4
    /// PING.
    static let pingType: UInt8 = 0x6
    /// GOAWAY.
    static let goAwayType: UInt8 = 0x7

    /// ACK, on SETTINGS and PING.
    static let ackFlag: UInt8 = 0x1
    /// END_HEADERS, on HEADERS.
    static let endHeadersFlag: UInt8 = 0x4

    /// SETTINGS_MAX_CONCURRENT_STREAMS.
    static let maxConcurrentStreamsSetting: UInt16 = 0x3
    /// SETTINGS_INITIAL_WINDOW_SIZE.
    static let initialWindowSizeSetting: UInt16 = 0x4
    /// The CANCEL error code, which a rapid reset gives.
    static let cancel: UInt32 = 0x8

    /// The frame type.
    let type: UInt8
    /// Its flags.
    let flags: UInt8
    /// The stream (0 for the connection).
    let stream: UInt32
    /// The payload.
    let payload: [UInt8]

    /// A frame from its parts.
    init(type: UInt8, flags: UInt8 = 0, stream: UInt32 = 0, payload: [UInt8] = []) {
        self.type = type
        self.flags = flags
        self.stream = stream
        self.payload = payload
    }

    /// SETTINGS with `values` (identifier, value), in order; none sends the defaults.
    static func settings(_ values: [(UInt16, UInt32)] = []) -> H2Frame {
        H2Frame(type: settingsType, payload: values.flatMap { bigEndian($0.0) + bigEndian($0.1) })
    }

    /// The acknowledgement of the peer's SETTINGS.
    static let settingsAck = H2Frame(type: settingsType, flags: ackFlag)

    /// PING carrying `value`.
    static func ping(_ value: UInt64) -> H2Frame {
        H2Frame(type: pingType, payload: bigEndian(value))
    }

    /// The acknowledgement of `ping`: its eight bytes, flagged ACK.
    static func pingAck(of ping: H2Frame) -> H2Frame {
        H2Frame(type: pingType, flags: ackFlag, payload: ping.payload)
    }

    /// HEADERS opening `stream` with the header `block`, in one frame; the stream is never ended (no END_STREAM), so
    /// the call's request never comes.
    static func headers(stream: UInt32, block: [UInt8]) -> H2Frame {
        H2Frame(type: headersType, flags: endHeadersFlag, stream: stream, payload: block)
    }

    /// RST_STREAM of `stream` with `errorCode`.
    static func rstStream(stream: UInt32, errorCode: UInt32 = cancel) -> H2Frame {
        H2Frame(type: rstStreamType, stream: stream, payload: bigEndian(errorCode))
    }

    /// The frame on the wire.
    var bytes: [UInt8] {
        let length = UInt32(payload.count)
        return [UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF), type, flags]
            + Self.bigEndian(stream & 0x7FFF_FFFF) + payload
    }

    /// Whether the ACK flag is set (meaningful on SETTINGS and PING).
    var isAck: Bool { flags & Self.ackFlag != 0 }

    /// "SETTINGS", "GOAWAY", …; "TYPE_0x0a" for a type this file does not name.
    var typeName: String {
        let names: [UInt8: String] = [
            0x0: "DATA", 0x1: "HEADERS", 0x2: "PRIORITY", 0x3: "RST_STREAM", 0x4: "SETTINGS", 0x5: "PUSH_PROMISE", 0x6: "PING",
            0x7: "GOAWAY", 0x8: "WINDOW_UPDATE", 0x9: "CONTINUATION",
        ]
        return names[type] ?? "TYPE_0x" + String(type, radix: 16)
    }

    /// A SETTINGS frame's values by identifier; empty for another frame.
    var settingsValues: [UInt16: UInt32] {
        guard type == Self.settingsType else { return [:] }
        var values: [UInt16: UInt32] = [:]
        var offset = 0
        while offset + 6 <= payload.count {
            values[UInt16(Self.integer(payload, at: offset, bytes: 2))] = UInt32(Self.integer(payload, at: offset + 2, bytes: 4))
            offset += 6
        }
        return values
    }

    /// A GOAWAY's error code; nil for another frame or a short one.
    var goAwayErrorCode: UInt32? {
        guard type == Self.goAwayType, payload.count >= 8 else { return nil }
        return UInt32(Self.integer(payload, at: 4, bytes: 4))
    }

    /// A GOAWAY's debug data as text (the first 100 bytes, invalid UTF-8 replaced); nil when it has none.
    var goAwayDebugText: String? {
        guard type == Self.goAwayType, payload.count > 8 else { return nil }
        return String(decoding: payload[8...].prefix(100), as: UTF8.self)
    }

    /// The whole frames at the start of `bytes` and how many bytes they take; a frame not yet all there is left.
    static func frames(in bytes: [UInt8]) -> (frames: [H2Frame], consumed: Int) {
        var frames: [H2Frame] = []
        var offset = 0
        while bytes.count - offset >= headerBytes {
            let length = integer(bytes, at: offset, bytes: 3)
            guard bytes.count - offset - headerBytes >= length else { break }
            let start = offset + headerBytes
            frames.append(
                H2Frame(
                    type: bytes[offset + 3],
                    flags: bytes[offset + 4],
                    stream: UInt32(integer(bytes, at: offset + 5, bytes: 4)) & 0x7FFF_FFFF,
                    payload: Array(bytes[start..<start + length])
                )
            )
            offset = start + length
        }
        return (frames, offset)
    }

    /// The name RFC 9113 §7 gives an error code ("ENHANCE_YOUR_CALM"); "0x…" for one it does not.
    static func errorName(_ code: UInt32) -> String {
        let names = [
            "NO_ERROR", "PROTOCOL_ERROR", "INTERNAL_ERROR", "FLOW_CONTROL_ERROR", "SETTINGS_TIMEOUT", "STREAM_CLOSED", "FRAME_SIZE_ERROR",
            "REFUSED_STREAM", "CANCEL", "COMPRESSION_ERROR", "CONNECT_ERROR", "ENHANCE_YOUR_CALM", "INADEQUATE_SECURITY",
            "HTTP_1_1_REQUIRED",
        ]
        return code < names.count ? names[Int(code)] : "0x" + String(code, radix: 16)
    }

    // `value`'s bytes, most significant first.
    private static func bigEndian<Value: FixedWidthInteger>(_ value: Value) -> [UInt8] {
        (0..<Value.bitWidth / 8).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }

    // The big-endian integer of `count` bytes at `offset`.
    private static func integer(_ bytes: [UInt8], at offset: Int, bytes count: Int) -> Int {
        bytes[offset..<offset + count].reduce(0) { $0 << 8 | Int($1) }
    }
}
