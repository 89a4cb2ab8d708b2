import Foundation

/// Paths in the repository and the build folder, found from this file and the test binary.
enum RepositoryPaths {
    /// The repository root.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `nps-oracle` binary built beside the test bundle.
    static var oracleBinary: URL {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        // On Linux the runner is `<build>/nps-stackPackageTests.xctest`; on macOS it is inside the bundle.
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("nps-oracle").path), directory.path != "/" {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("nps-oracle")
    }

    /// A file or folder under the repository root.
    static func file(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }
}
