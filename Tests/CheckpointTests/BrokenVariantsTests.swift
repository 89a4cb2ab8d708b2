import Testing

extension Checkpoints {
    /// Each broken variant in fixtures/broken/ goes through the same check a requirement's suite uses,
    /// which must fail and name that requirement: proof that the suites can fail.
    @Suite("The harness catches broken variants")
    struct BrokenVariants {}
}
