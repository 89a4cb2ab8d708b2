/// The version of the stack's executables, built together from this package; `--version` and both Oracle health
/// endpoints report it.
public enum StackVersion {
    /// The version string of this build.
    public static let current = "1.0.0"
}
