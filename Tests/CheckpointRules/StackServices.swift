/// The stack's services as the compose file names them, and the names of their containers.
package enum StackServices {
    /// The five services, in start order.
    package static let all = ["postgres", "oracle", "scanner", "api", "web-ui"]

    /// The container of `service` (the compose file sets `container_name: nps-<service>`).
    package static func container(_ service: String) -> String { "nps-\(service)" }
}
