import Foundation

/// A health check's settings, whether read from an image, a container or the compose file.
public struct HealthcheckSettings: Sendable, Hashable, Decodable {
    /// The probe, e.g. ["CMD", "/app/nps-oracle", "healthcheck"]; ["NONE"] turns an inherited check off.
    public var test: [String]
    /// Time between probes; `nil` means the engine default (30 s).
    public var interval: Duration?
    /// Time a probe may take; `nil` means the engine default (30 s).
    public var timeout: Duration?
    /// Grace time after start when failures do not count; `nil` means none.
    public var startPeriod: Duration?
    /// Failures in a row that make the container unhealthy; `nil` means the engine default (3).
    public var retries: Int?

    /// Makes settings from their parts.
    public init(test: [String], interval: Duration? = nil, timeout: Duration? = nil, startPeriod: Duration? = nil, retries: Int? = nil) {
        self.test = test
        self.interval = interval
        self.timeout = timeout
        self.startPeriod = startPeriod
        self.retries = retries
    }

    private enum CodingKeys: String, CodingKey {
        case test = "Test"
        case interval = "Interval"
        case timeout = "Timeout"
        case startPeriod = "StartPeriod"
        case retries = "Retries"
    }

    /// Decodes Docker's form: durations in integer nanoseconds, where 0 means "the default".
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func duration(_ key: CodingKeys) throws -> Duration? {
            guard let nanoseconds = try container.decodeIfPresent(Int64.self, forKey: key), nanoseconds > 0 else { return nil }
            return .nanoseconds(nanoseconds)
        }
        test = try container.decodeIfPresent([String].self, forKey: .test) ?? []
        interval = try duration(.interval)
        timeout = try duration(.timeout)
        startPeriod = try duration(.startPeriod)
        retries = try container.decodeIfPresent(Int.self, forKey: .retries).flatMap { $0 > 0 ? $0 : nil }
    }

    /// True when the settings switch health checking off (`NONE`, `disable: true` or no probe).
    public var isDisabled: Bool { test.isEmpty || test.first == "NONE" }
}
