import Foundation
import StackHarness
import Testing

@Suite("docker compose config --format json")
struct ComposeConfigTests {
    private func config() throws -> ComposeConfig {
        try ComposeConfig(data: EngineSample.data("compose-config.json"))
    }

    @Test("the five services and the network")
    func services() throws {
        let config = try config()
        #expect(config.name == "nps")
        #expect(config.serviceNames == ["api", "oracle", "postgres", "scanner", "web-ui"])
        #expect(config.networks["nps-network"]?["driver"]?.string == "bridge")
    }

    @Test("the oracle service, typed")
    func oracle() throws {
        let oracle = try #require(try config().services["oracle"])
        #expect(oracle.containerName == "nps-oracle")
        #expect(oracle.image == "nps-oracle:latest")
        #expect(oracle.build?.dockerfile == "infrastructure/Dockerfiles/oracle.Dockerfile")
        #expect(oracle.build?.target == nil)
        #expect(oracle.environment["GRPC_PORT"] == "50052")
        #expect(oracle.environment["LOG_LEVEL"] == "INFO")
        #expect(oracle.ports.map(\.target) == [50052, 8052])
        #expect(oracle.ports.first?.published == "50052")
        #expect(oracle.ports.first?.hostIP == "127.0.0.1")
        #expect(oracle.volumes.first?.type == "bind")
        #expect(oracle.volumes.first?.target == "/app/logs")
        #expect(oracle.volumes.first?.source?.hasSuffix("infrastructure/volumes/logs") == true)
        #expect(oracle.networks == ["nps-network"])
        #expect(oracle.dependsOn == ["postgres": "service_healthy"])
        #expect(oracle.restart == "unless-stopped")
        #expect(oracle.limits?.cpus == 1)
        #expect(oracle.limits?.nanoCpus == 1_000_000_000)
        #expect(oracle.limits?.memoryBytes == 1_073_741_824)
        let check = try #require(oracle.healthcheck)
        #expect(
            check
                == HealthcheckSettings(
                    test: ["CMD", "/app/nps-oracle", "healthcheck"],
                    interval: .seconds(10),
                    timeout: .seconds(5),
                    startPeriod: .seconds(30),
                    retries: 3
                )
        )
        #expect(oracle.raw["command"]?.isNull == true)
    }

    @Test("fractional CPUs, smaller memory and build targets")
    func scanner() throws {
        let scanner = try #require(try config().services["scanner"])
        #expect(scanner.limits?.cpus == 0.5)
        #expect(scanner.limits?.memoryBytes == 268_435_456)
        #expect(scanner.build?.target == "scanner-stand-in")
        #expect(scanner.ports.isEmpty)
    }

    @Test("memory as a number, cpus as a string, durations in nanoseconds")
    func alternativeForms() throws {
        let json = #"""
            {"services": {"one": {"deploy": {"resources": {"limits": {"cpus": "0.25", "memory": 536870912}}},
              "healthcheck": {"test": "curl -f http://localhost/", "interval": 1500000000, "retries": 2},
              "stop_grace_period": "1m30s", "ports": [{"target": 80, "published": 8080}]}}}
            """#
        let one = try #require(try ComposeConfig(data: Data(json.utf8)).services["one"])
        #expect(one.limits?.cpus == 0.25)
        #expect(one.limits?.memoryBytes == 536_870_912)
        #expect(one.healthcheck?.test == ["CMD-SHELL", "curl -f http://localhost/"])
        #expect(one.healthcheck?.interval == .milliseconds(1500))
        #expect(one.stopGracePeriod == .seconds(90))
        #expect(one.ports.first?.published == "8080")
    }

    @Test("a document without services is rejected")
    func noServices() {
        #expect(throws: HarnessError.self) { try ComposeConfig(data: Data("{}".utf8)) }
    }
}
