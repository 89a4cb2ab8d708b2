/// One service of the resolved compose file, typed where the checkpoints need it, raw for the rest.
package struct ComposeService: Sendable, Hashable {
    /// The service name (the key under `services`).
    package let name: String
    /// The image name.
    package let image: String?
    /// The fixed container name, if any.
    package let containerName: String?
    /// How to build the image, if it is built.
    package let build: ComposeBuild?
    /// The environment; a `nil` value means "passed through from the caller's environment".
    package let environment: [String: String?]
    /// Published ports.
    package let ports: [ComposePort]
    /// Mounts.
    package let volumes: [ComposeVolume]
    /// Networks it joins, sorted.
    package let networks: [String]
    /// Services it depends on, with the condition it waits for ("service_healthy", "service_started"…).
    package let dependsOn: [String: String]
    /// Its health check, if it has one.
    package let healthcheck: HealthcheckSettings?
    /// The restart policy ("unless-stopped"…).
    package let restart: String?
    /// `deploy.resources.limits`, if set.
    package let limits: ResourceLimits?
    /// How long `stop` waits before SIGKILL, if set.
    package let stopGracePeriod: Duration?
    /// The service's whole JSON, for anything not typed here.
    package let raw: JSONValue

    /// Reads a service from its name and its JSON object.
    package init(name: String, compose json: JSONValue) {
        self.name = name
        raw = json
        image = json["image"]?.string
        containerName = json["container_name"]?.string
        build = json["build"].flatMap(ComposeBuild.init(compose:))
        environment = (json["environment"]?.object ?? [:]).mapValues { $0.scalarText }
        ports = (json["ports"]?.array ?? []).compactMap(ComposePort.init(compose:))
        volumes = (json["volumes"]?.array ?? []).compactMap(ComposeVolume.init(compose:))
        networks = (json["networks"]?.object?.keys).map { $0.sorted() } ?? []
        dependsOn = (json["depends_on"]?.object ?? [:]).mapValues { $0["condition"]?.string ?? "service_started" }
        healthcheck = json["healthcheck"].map(HealthcheckSettings.init(compose:))
        restart = json["restart"]?.string
        limits = json["deploy"]?["resources"]?["limits"].map(ResourceLimits.init(compose:))
        stopGracePeriod = json["stop_grace_period"]?.string.flatMap { Duration(goDuration: $0) }
    }
}
