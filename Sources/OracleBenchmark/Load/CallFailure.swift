import GRPCCore

/// A failed load call as one short line: "UNAVAILABLE: message (cause: …)" for a gRPC error, "Type: description" else;
/// and the name it is counted under.
struct CallFailure: Error, Equatable {
    /// The gRPC status code in snake_case ("unavailable", "deadline_exceeded"), or the error's type name when it is
    /// not a gRPC error.
    let status: String
    /// The line.
    let text: String

    /// The line for `error`; a gRPC status code is written the way grpcio names it (`DEADLINE_EXCEEDED`).
    init(_ error: any Error) {
        guard let rpc = error as? RPCError else {
            status = "\(type(of: error))"
            text = "\(status): \(error)"
            return
        }
        status = String(describing: rpc.code).map { $0.isUppercase ? "_" + $0.lowercased() : String($0) }.joined()
        text = "\(status.uppercased()): \(rpc.message)" + (rpc.cause.map { " (cause: \($0))" } ?? "")
    }
}
