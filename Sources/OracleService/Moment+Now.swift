import OracleEngines

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Moment {
    /// The current instant in UTC; the engines take moments, the service owns the clock.
    static func now() -> Moment {
        Moment(unixSeconds: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}
