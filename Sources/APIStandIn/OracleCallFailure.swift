import GRPCCore
import Hummingbird

/// How a failed Oracle call is answered: the Oracle's own words for bad input, 503 when it cannot be reached or is busy.
enum OracleCallFailure {
    /// The HTTP response for `error` thrown by an Oracle RPC.
    static func response(for error: any Error) -> Response {
        guard let rpc = error as? RPCError else {
            return JSONResponse.error("oracle unavailable: \(error)", status: .serviceUnavailable)
        }
        switch rpc.code {
        case .invalidArgument, .outOfRange:
            return JSONResponse.error(rpc.message, field: field(in: rpc.message), status: .badRequest)
        case .failedPrecondition:
            // The Oracle uses it for well-formed scanned ranges that leave nothing to suggest.
            return JSONResponse.error(rpc.message, field: field(in: rpc.message), status: .conflict)
        case .unavailable, .deadlineExceeded, .cancelled:
            return JSONResponse.error("oracle unavailable: \(rpc.message)", status: .serviceUnavailable)
        case .resourceExhausted:
            // The Oracle refuses new work while too many records wait to be written: a retry later can succeed.
            return JSONResponse.error("oracle busy: \(rpc.message)", status: .serviceUnavailable)
        default:
            return JSONResponse.error("oracle error \(rpc.code): \(rpc.message)", status: .badGateway)
        }
    }

    /// The request field an Oracle message starts with (`"datetime: …"`, `"scanned_ranges[2]: …"`, or the metadata
    /// key `"idempotency-key: …"`), if any.
    static func field(in message: String) -> String? {
        guard let colon = message.firstIndex(of: ":") else { return nil }
        let name = message[..<colon].prefix { $0 != "[" }
        guard !name.isEmpty, name.allSatisfy({ $0 == "_" || $0 == "-" || ($0.isASCII && ($0.isLowercase || $0.isNumber)) }) else { return nil }
        return String(name)
    }
}
