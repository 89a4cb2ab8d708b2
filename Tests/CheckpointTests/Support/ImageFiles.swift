import Foundation
import ProcessRunning
import StackHarness

/// Files of an image read without running it: a created (never started) container is copied from or exported,
/// since the runtime images have no shell or `cat` to run.
enum ImageFiles {
    /// The bytes of each file at `paths` in `image`.
    static func contents(of paths: [String], in image: String) async throws -> [Data] {
        try await withCreatedContainer(of: image) { name, folder in
            var files: [Data] = []
            for (index, path) in paths.enumerated() {
                let copy = folder.appendingPathComponent("file-\(index)")
                try await Stack.shared.docker.run(["cp", "\(name):\(path)", copy.path], timeout: .seconds(120))
                files.append(try Data(contentsOf: copy))
            }
            return files
        }
    }

    /// `tar -t` of the image's whole file system (`docker export`).
    static func listing(of image: String) async throws -> String {
        try await withCreatedContainer(of: image) { name, folder in
            let archive = folder.appendingPathComponent("rootfs.tar")
            try await Stack.shared.docker.run(["export", "--output", archive.path, name], timeout: .seconds(120))
            let tar = Command.program("tar") ?? URL(fileURLWithPath: "/bin/tar")
            return try await CommandRunner().run(Command(executable: tar, arguments: ["-tf", archive.path]), timeout: .seconds(60))
                .standardOutput
        }
    }

    // A container of `image` and a scratch folder, both removed afterwards; each call its own names.
    private static func withCreatedContainer<Value: Sendable>(
        of image: String,
        _ body: (String, URL) async throws -> Value
    ) async throws -> Value {
        let name = "nps-checkpoint-files-\(UUID().uuidString.prefix(8).lowercased())"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await withScratchResources(containers: [name]) {
            try await Stack.shared.docker.run(["create", "--name", name, image], timeout: .seconds(60))
            return try await body(name, folder)
        }
    }
}
