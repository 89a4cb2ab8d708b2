import Foundation
import ProcessRunning

/// Reading containers and images: inspect, history, logs, exec and events, without shell strings.
extension DockerCLI {
    /// `docker inspect --type container <name>`.
    package func inspectContainer(_ name: String) async throws -> CommandOutput<ContainerInspection> {
        try await runDecoding(["inspect", "--type", "container", name], decode: ContainerInspection.decode)
    }

    /// `docker image inspect <reference>`.
    package func inspectImage(_ reference: String) async throws -> CommandOutput<ImageInspection> {
        try await runDecoding(["image", "inspect", reference], decode: ImageInspection.decode)
    }

    /// `docker history --no-trunc --human=false --format '{{json .}}' <reference>`, newest step first.
    package func imageHistory(_ reference: String) async throws -> CommandOutput<[ImageHistoryEntry]> {
        try await runDecoding(
            ["history", "--no-trunc", "--human=false", "--format", "{{json .}}", reference],
            decode: { try ImageHistoryEntry.decodeLines(String(decoding: $0, as: UTF8.self)) }
        )
    }

    /// `docker logs [--timestamps] <container>`: the container's stdout and stderr arrive on the result's matching streams.
    package func logs(_ container: String, timestamps: Bool = false, timeout: Duration? = .seconds(60)) async throws -> CommandResult {
        try await run(["logs"] + (timestamps ? ["--timestamps"] : []) + [container], timeout: timeout)
    }

    /// `docker exec [--user <user>] <container> <arguments…>`, returning the result whatever its exit status.
    package func exec(
        _ container: String,
        _ arguments: [String],
        user: String? = nil,
        timeout: Duration? = .seconds(60)
    ) async throws -> CommandResult {
        try await capture(["exec"] + (user.map { ["--user", $0] } ?? []) + [container] + arguments, timeout: timeout)
    }

    /// `docker events --since <since> --until <until> [--filter key=value]… --format '{{json .}}'`, oldest first.
    package func events(since: Date, until: Date, filters: [String] = []) async throws -> CommandOutput<[EngineEvent]> {
        let bounds = ["--since", Self.unixTimestamp(since), "--until", Self.unixTimestamp(until)]
        return try await runDecoding(
            ["events"] + bounds + filters.flatMap { ["--filter", $0] } + ["--format", "{{json .}}"],
            decode: { try EngineEvent.decodeLines(String(decoding: $0, as: UTF8.self)) }
        )
    }

    /// A time as docker's `--since`/`--until` accept it: Unix seconds with nine fraction digits.
    static func unixTimestamp(_ date: Date) -> String {
        let interval = date.timeIntervalSince1970
        let seconds = interval.rounded(.down)
        return String(format: "%.0f.%09.0f", seconds, ((interval - seconds) * 1e9).rounded(.down))
    }
}
