import AsyncHTTPClient

/// `nps-oracle healthcheck`: asks the local `/health` and exits 0 only for 200, so the image needs no curl.
enum HealthProbe {
    /// Probes `http://127.0.0.1:$HEALTH_PORT/health` within 3 s; returns the process exit status.
    static func run(environment: [String: String]) async -> Int32 {
        let port = environment["HEALTH_PORT"].flatMap(Int.init) ?? 8052
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/health")
        request.method = .GET
        // One attempt: the shared client retries a refused connection until the deadline, which turned
        // "nothing listens" into a 3 s wait; the container runtime repeats the probe itself.
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(configuration: configuration)
        let status: Int32
        do {
            let response = try await client.execute(request, timeout: .seconds(3))
            let body = try await response.body.collect(upTo: 64 * 1024)
            print(String(buffer: body))
            status = response.status == .ok ? 0 : 1
        } catch {
            print("health probe failed: \(error)")
            status = 1
        }
        try? await client.shutdown()
        return status
    }
}
