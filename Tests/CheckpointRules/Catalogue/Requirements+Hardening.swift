/// Hardening (SEC.* beyond the written spec): least privilege in every container.
extension Requirements {
    /// SEC.caps.
    package static let secCaps = Requirement(
        "SEC.caps",
        asks: "every container drops all Linux capabilities and adds back only the ones it needs, each with its reason in a comment",
        limit: "CapDrop ALL on all five; every CapAdd a cap_add item of the compose file with a # reason"
    )
    /// SEC.nnp.
    package static let secNoNewPrivileges = Requirement(
        "SEC.nnp",
        asks: "no-new-privileges on every container",
        limit: "SecurityOpt holds no-new-privileges on all five"
    )
    /// SEC.readonly.
    package static let secReadOnly = Requirement(
        "SEC.readonly",
        asks: "every container's root file system is read-only; what is written goes to a volume, a bind mount or a tmpfs",
        limit: "ReadonlyRootfs on all five, and the stack passes every checkpoint so"
    )
    /// SEC.pids.
    package static let secPids = Requirement(
        "SEC.pids",
        asks: "every container has a PIDs limit",
        limit: "PidsLimit > 0 on all five"
    )
    /// SEC.enginelogs.
    package static let secEngineLogs = Requirement(
        "SEC.enginelogs",
        asks: "every container's engine log is bounded",
        limit: "json-file with max-size (and max-file), or the local driver, on all five"
    )
}
