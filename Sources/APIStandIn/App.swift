import ServiceRuntime

/// `nps-api-stand-in`: a small, real stand-in for the api service (owned by another team), or with `healthcheck`
/// a probe of a running one (the container's HEALTHCHECK).
@main
struct App {
    static func main() async {
        await ServiceCommand.main(APIApplication.self)
    }
}
