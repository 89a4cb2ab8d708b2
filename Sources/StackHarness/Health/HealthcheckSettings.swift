import Foundation

/// A health check's settings, whether read from an image, a container or the compose file; Docker's form (read
/// through ``DockerJSON``) has durations in integer nanoseconds, and 0 for "the default".
package struct HealthcheckSettings: Sendable, Hashable, Decodable {
    /// The probe, e.g. ["CMD", "/app/nps-oracle", "healthcheck"]; ["NONE"] turns an inherited check off.
    @DockerDefault package var test: [String]
    /// Time between probes; `nil` means the engine default (30 s).
    @DockerDefault package var interval: Duration?
    /// Time a probe may take; `nil` means the engine default (30 s).
    @DockerDefault package var timeout: Duration?
    /// Grace time after start when failures do not count; `nil` means none.
    @DockerDefault package var startPeriod: Duration?
    /// Failures in a row that make the container unhealthy; `nil` means the engine default (3).
    @DockerDefault package var retries: Int?

    /// Makes settings from their parts.
    package init(test: [String], interval: Duration? = nil, timeout: Duration? = nil, startPeriod: Duration? = nil, retries: Int? = nil) {
        self.test = test
        self.interval = interval
        self.timeout = timeout
        self.startPeriod = startPeriod
        self.retries = retries
    }

    /// True when the settings switch health checking off (`NONE`, `disable: true` or no probe).
    package var isDisabled: Bool { test.isEmpty || test.first == "NONE" }
}
