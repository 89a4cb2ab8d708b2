/// `healthcheck`: one question to the running executable on the local host, within 3 s, with no retry (the
/// container runtime repeats the probe itself); exit status 0 only for a healthy answer, so images need no curl.
public enum HealthProbe: Sendable {
    /// `GET http://127.0.0.1:$portVariable<path>`; healthy when it answers 200. The body is printed.
    case http(path: String, portVariable: String, defaultPort: Int)
    /// `grpc.health.v1.Health/Check("")` on `127.0.0.1:$portVariable`; healthy when it answers SERVING.
    case grpc(portVariable: String, defaultPort: Int)

    /// How many seconds the probe waits for its answer.
    static let timeoutSeconds: Int64 = 3

    /// Asks the executable configured by `environment`; returns the process exit status.
    public func run(environment: ServiceEnvironment) async -> Int32 {
        do {
            switch self {
            case .http(let path, let variable, let defaultPort):
                return try await Self.probeHTTP(port: environment.port(variable) ?? defaultPort, path: path) ? 0 : 1
            case .grpc(let variable, let defaultPort):
                return try await Self.probeGRPC(port: environment.port(variable) ?? defaultPort) ? 0 : 1
            }
        } catch let error as ConfigurationError {
            print("health probe: \(error)")
        } catch {
            print("health probe failed: \(error)")
        }
        return 1
    }
}
