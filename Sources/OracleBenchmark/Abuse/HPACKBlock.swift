/// Header blocks in HPACK (RFC 7541) as the abuser needs them: every field a literal that is never indexed, names and
/// values as plain bytes, so the encoder keeps no table and each block stands alone.
enum HPACKBlock {
    /// The block of `fields` (names in lower case, pseudo-headers first), in order.
    static func literal(_ fields: [(name: String, value: String)]) -> [UInt8] {
        fields.flatMap { field -> [UInt8] in
            // 0x10: "literal header field never indexed", with a new name (index 0).
            [0x10] + string(field.name) + string(field.value)
        }
    }

    /// The headers of a gRPC call of `path` (`/package.Service/Method`) on `authority`.
    static func grpcCall(path: String, authority: String) -> [UInt8] {
        literal([
            (":method", "POST"), (":scheme", "http"), (":path", path), (":authority", authority),
            ("content-type", "application/grpc"), ("te", "trailers"),
        ])
    }

    /// A string literal: its length as a 7-bit-prefix integer (no Huffman coding), then its bytes.
    static func string(_ text: String) -> [UInt8] {
        integer(text.utf8.count, prefixBits: 7) + Array(text.utf8)
    }

    /// `value` as an HPACK integer with an N-bit prefix (RFC 7541 §5.1), the prefix's other bits left 0.
    static func integer(_ value: Int, prefixBits: Int) -> [UInt8] {
        let limit = (1 << prefixBits) - 1
        guard value >= limit else { return [UInt8(value)] }
        var bytes = [UInt8(limit)]
        var rest = value - limit
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
        return bytes
    }
}
