import ServiceRuntime

/// `nps-scanner-stand-in`: a small, real stand-in for the scanner service (owned by another team), or with
/// `healthcheck` a probe of a running one (the container's HEALTHCHECK).
///
/// It serves gRPC health and asks the Oracle for a key range once; it NEVER generates or tests private keys.
@main
struct App {
    static func main() async {
        await ServiceCommand.main(ScannerApplication.self)
    }
}
