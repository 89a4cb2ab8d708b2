/// Another running process holds the spool folder of this instance name: two processes must never share one.
struct SpoolInstanceInUse: Error, CustomStringConvertible {
    /// The instance name (`NPS_SPOOL_INSTANCE`).
    let instance: String
    /// Its spool folder.
    let folder: String

    var description: String {
        "another running process holds the spool folder \(folder) of instance '\(instance)' (its lock file is locked); "
            + "each Oracle sharing NPS_SPOOL_DIR needs a name of its own, such as its Swarm task's name"
    }
}
