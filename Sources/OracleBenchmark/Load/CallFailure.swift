import GRPCCore

/// A failed load call as one short line: "UNAVAILABLE: message (cause: …)" for a gRPC error, "Type: description" else.
struct CallFailure: Error, Equatable {
    /// The line.
    let text: String

    /// The line for `error`; a gRPC status code is written the way grpcio names it (`DEADLINE_EXCEEDED`).
    init(_ error: any Error) {
        guard let rpc = error as? RPCError else {
            text = "\(type(of: error)): \(error)"
            return
        }
        let code = String(describing: rpc.code).map { $0.isUppercase ? "_\($0)" : $0.uppercased() }.joined()
        text = "\(code): \(rpc.message)" + (rpc.cause.map { " (cause: \($0))" } ?? "")
    }
}
