import Foundation
import ProcessRunning

/// Which docker CLI to drive. The rule is written once, in `setup-engine.sh --print-cli` (the stack scripts use it
/// through `stack-env.sh`); this reads its answer, so one test run drives one CLI.
extension DockerCLI {
    /// `$DOCKER` (a path, or a name on PATH) if set; else the CLI `setup-engine.sh --print-cli` names; else `docker` on
    /// PATH, which then fails as `noEngine` because no engine answers. Never fails itself.
    package static func detect(layout: RepositoryLayout, environment: [String: String] = ProcessInfo.processInfo.environment) -> DockerCLI {
        if let chosen = environment["DOCKER"], !chosen.isEmpty {
            return DockerCLI(executable: resolve(chosen, in: environment))
        }
        // The script bounds each engine probe (15 s), so this needs no time limit of its own.
        let ask = Command(executable: layout.setupEngineScript, arguments: ["--print-cli"])
        if let answer = try? CommandRunner().captureBlocking(ask), answer.succeeded {
            let path = answer.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
            if !path.isEmpty { return DockerCLI(executable: resolve(path, in: environment)) }
        }
        return DockerCLI(executable: resolve("docker", in: environment))
    }

    // The program `Command.program` finds, else the name as it is (which then fails as `noEngine` when run).
    private static func resolve(_ program: String, in environment: [String: String]) -> URL {
        Command.program(program, environment: environment) ?? URL(fileURLWithPath: program)
    }
}
