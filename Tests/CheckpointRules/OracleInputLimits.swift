/// What `oracle-benchmark load --input-limits B` printed: the Oracle's answer to each oversized field.
package struct OracleInputLimits: Sendable, Decodable {
    /// One probe's answer.
    package struct Answer: Sendable, Decodable {
        /// The RPC, e.g. "GetReading".
        package let rpc: String
        /// The field probed, as the answer must name it.
        package let field: String
        /// The value's size in bytes (for a repeated field, its entries).
        package let bytes: Int
        /// The status, as grpcio names it.
        package let status: String
        /// The message's size in bytes.
        package let messageBytes: Int
        /// How many bytes of the input the message quotes.
        package let quotedBytes: Int
        /// The message's start.
        package let message: String

        /// An answer (rules tests build their own).
        package init(rpc: String, field: String, bytes: Int, status: String, messageBytes: Int, quotedBytes: Int, message: String) {
            self.rpc = rpc
            self.field = field
            self.bytes = bytes
            self.status = status
            self.messageBytes = messageBytes
            self.quotedBytes = quotedBytes
            self.message = message
        }

        private enum CodingKeys: String, CodingKey {
            case rpc, field, bytes, status, message
            case messageBytes = "message_bytes"
            case quotedBytes = "quoted_bytes"
        }
    }

    /// Each probe's answer.
    package let answers: [Answer]

    /// The answers (rules tests build their own).
    package init(answers: [Answer]) {
        self.answers = answers
    }
}
