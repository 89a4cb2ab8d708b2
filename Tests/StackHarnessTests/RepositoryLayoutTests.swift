import Foundation
import StackHarness
import Testing

@Suite("the repository layout")
struct RepositoryLayoutTests {
    @Test("found from this file, with the standard paths inside it")
    func fromFilePath() throws {
        let layout = try RepositoryLayout.locate(currentDirectory: "/")
        #expect(FileManager.default.fileExists(atPath: layout.root.appendingPathComponent("Package.swift").path))
        #expect(FileManager.default.fileExists(atPath: layout.composeFile.path))
        #expect(FileManager.default.fileExists(atPath: layout.environmentExample.path))
        #expect(FileManager.default.fileExists(atPath: layout.oracleDockerfile.path))
        #expect(FileManager.default.fileExists(atPath: layout.healthCheckScript.path))
    }

    @Test("found from the current directory when the file path is elsewhere")
    func fromCurrentDirectory() throws {
        let fromFile = try RepositoryLayout.locate()
        let fromDirectory = try RepositoryLayout.locate(filePath: "/nonexistent/file.swift", currentDirectory: fromFile.infrastructure.path)
        #expect(fromDirectory.root.standardizedFileURL.path == fromFile.root.standardizedFileURL.path)
    }

    @Test("nowhere to be found is a one-line error")
    func notFound() {
        #expect(throws: HarnessError.self) { try RepositoryLayout.locate(filePath: "/nonexistent/file.swift", currentDirectory: "/") }
    }
}
