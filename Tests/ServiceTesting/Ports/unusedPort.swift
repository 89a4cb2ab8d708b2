/// A loopback port that nothing listens on: a ``BusyPort`` opened, read and released.
public func unusedPort() throws -> Int {
    try BusyPort().port
}
