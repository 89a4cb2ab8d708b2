import GRPCCore

/// One generated request of `load --fuzz`: the RPC it goes to, its bytes, and the kind of damage it carries.
struct FuzzMessage: Sendable {
    /// How a message was made.
    enum Kind: String, CaseIterable, Sendable {
        /// Random bytes.
        case randomBytes = "random_bytes"
        /// A valid request with bytes flipped, inserted, deleted or cut off.
        case mutated
        /// Fields holding extreme varints, overlong varints and lengths beyond the message.
        case extremeVarints = "extreme_varints"
        /// Strings that are not UTF-8.
        case invalidUTF8 = "invalid_utf8"
        /// A field repeated thousands of times, or groups nested deep.
        case deeplyRepeated = "deeply_repeated"
        /// A string field of 100 KB to 3 MB (over the 1 MiB request limit too, within the transport's 4 MiB).
        case huge
    }

    /// The RPC.
    let method: MethodDescriptor
    /// The request message's bytes.
    let bytes: [UInt8]
    /// How it was made.
    let kind: Kind
}
