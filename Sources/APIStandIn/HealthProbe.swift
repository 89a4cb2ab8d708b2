import AsyncHTTPClient
import StandInSupport

/// `nps-api-stand-in healthcheck`: asks the local `/api/health` and exits 0 only for 200, so the image needs no curl.
enum HealthProbe {
    /// Probes `http://127.0.0.1:$PORT/api/health` within 3 s; returns the process exit status.
    static func run(environment: StandInEnvironment) async -> Int32 {
        let port: Int
        do {
            port = try environment.port("PORT", default: 8000)
        } catch {
            print("health probe: \(error)")
            return 1
        }
        do {
            let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/api/health"), timeout: .seconds(3))
            print(String(buffer: try await response.body.collect(upTo: 1 << 16)))
            return response.status == .ok ? 0 : 1
        } catch {
            print("health probe failed: \(error)")
            return 1
        }
    }
}
