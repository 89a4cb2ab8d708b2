import Foundation

/// The environment the binaries under test start from when run as child processes.
public enum ChildEnvironment {
    /// Enough to find programs, a home, a temporary folder and the Python tools, and nothing else of the test runner's.
    public static var base: [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        var environment = ["PATH": inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin", "HOME": inherited["HOME"] ?? "/root"]
        for name in ["TMPDIR", "LANG", "PYENV_ROOT", "PYENV_VERSION", "NPS_PY_VENV", "NPS_PYTHON", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL"] {
            if let value = inherited[name] { environment[name] = value }
        }
        return environment
    }
}
