/// What the Oracle answered one `InputLimitProbe`, as the JSON line of `load --input-limits` lists it.
struct InputLimitAnswer: Encodable, Sendable, Equatable {
    /// The RPC's name, e.g. "GetReading".
    let rpc: String
    /// The field probed, as the answer must name it.
    let field: String
    /// The value's size in bytes (for a repeated field, its entries).
    let bytes: Int
    /// The status, as grpcio names it.
    let status: String
    /// The message's size in bytes.
    let messageBytes: Int
    /// The longest run of the probe's filler in the message: how many input bytes it quotes.
    let quotedBytes: Int
    /// The message's first 300 characters.
    let message: String
}
