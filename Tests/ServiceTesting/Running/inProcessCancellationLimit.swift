/// How long the cancellation of an in-process service group may take in a test before the process is ended (the
/// services themselves allow 300 ms).
public let inProcessCancellationLimit: Duration = .seconds(10)
