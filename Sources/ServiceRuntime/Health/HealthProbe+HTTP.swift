import AsyncHTTPClient

extension HealthProbe {
    /// Asks `http://127.0.0.1:port<path>` once and prints the body; true for 200.
    static func probeHTTP(port: Int, path: String) async throws -> Bool {
        // One attempt: the shared client retries a refused connection until the deadline, which turned
        // "nothing listens" into a 3 s wait.
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(configuration: configuration)
        do {
            let response = try await client.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)"), timeout: .seconds(timeoutSeconds))
            let body = try await response.body.collect(upTo: 64 * 1024)
            print(String(buffer: body))
            try? await client.shutdown()
            return response.status == .ok
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}
