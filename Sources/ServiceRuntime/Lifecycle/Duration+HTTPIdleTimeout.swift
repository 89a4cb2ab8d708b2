extension Duration {
    /// How long the services' HTTP listeners keep a connection that sends no complete request part, or that has not
    /// sent a whole request that long after its head (``HTTPRequestDeadline``): idle connections must be closed within
    /// 60 s (SEC.abuse), and half that leaves a client time to send its next request.
    public static let httpIdleTimeout: Duration = .seconds(30)
}
