/// The JSON line of `load --input-limits`: each probe's answer. The checkpoint rules judge them; the exit status only
/// says whether every probe got a gRPC status.
struct InputLimitReport: LoadReport {
    /// The mode's name.
    let mode = "input-limits"
    /// Each probe's answer, in probe order.
    let answers: [InputLimitAnswer]

    /// 0 when every probe was answered with a gRPC status, 1 when one's call failed another way.
    var exitStatus: Int32 { answers.contains { $0.status == RawCall.clientError } ? 1 : 0 }
}
