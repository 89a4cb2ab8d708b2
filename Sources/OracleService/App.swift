import ServiceRuntime

/// `nps-oracle`: runs the Oracle service, or with `healthcheck` probes a running one (the container's HEALTHCHECK).
@main
struct App {
    static func main() async {
        await ServiceCommand.main(OracleApplication.self)
    }
}
