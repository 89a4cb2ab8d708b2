import StackHarness

/// Checkpoint 1: the Oracle image (and CP4.instruction, its HEALTHCHECK).
extension Requirements {
    /// The spec's image size limit, in MB (10^6 bytes, as `docker images` counts).
    package static let imageSizeLimitMB = 500.0
    /// The runtime may be at most this fraction of the builder (the spec: at least 30% smaller).
    package static let largestRuntimeShare = 0.70
    /// The spec's limit for a rebuild with no change.
    package static let cachedRebuildLimit: Duration = .seconds(30)
    /// The HEALTHCHECK the spec asks for.
    package static let imageHealthcheck = HealthcheckSettings(
        test: [],
        interval: .seconds(10),
        timeout: .seconds(5),
        startPeriod: .seconds(30),
        retries: 3
    )

    /// CP1.build.
    package static let cp1Build = Requirement(
        "CP1.build",
        asks: "docker build -f infrastructure/Dockerfiles/oracle.Dockerfile succeeds from the repository root",
        limit: "exit status 0"
    )
    /// CP1.size.
    package static let cp1Size = Requirement(
        "CP1.size",
        asks: "the Oracle image is small",
        limit: "< \(imageSizeLimitMB.compactText) MB"
    )
    /// CP1.multistage.
    package static let cp1Multistage = Requirement(
        "CP1.multistage",
        asks: "a builder stage and a runtime stage, the runtime image much smaller than the builder",
        limit: "a builder and a runtime stage; runtime ≤ \((largestRuntimeShare * 100).compactText)% of builder"
    )
    /// CP1.cache.
    package static let cp1Cache = Requirement(
        "CP1.cache",
        asks: "a rebuild with no source change is fast and every step is a cache hit",
        limit: "< \(cachedRebuildLimit.limitText), every step CACHED"
    )
    /// CP1.lint, the linter's half.
    package static let cp1Lint = Requirement(
        "CP1.lint",
        asks: "hadolint finds nothing in either Dockerfile, and the image's history, ENV and labels hold no secret",
        limit: "exit status 0, no output"
    )
    /// CP1.lint, the image scan's half.
    package static let cp1LintSecrets = Requirement(
        "CP1.lint",
        asks: "the image's history, ENV and labels hold no secret",
        limit: "no API key, no PASSWORD=/SECRET=/KEY= value, no value from the env file"
    )
    /// CP1.base, the base image.
    package static let cp1Base = Requirement(
        "CP1.base",
        asks: "the service is a Swift binary on a slim Debian bookworm base with nothing the service does not use",
        limit: "Debian 12 bookworm: FROM scratch with Debian packages assembled FROM debian:bookworm-slim (or that image)"
    )
    /// CP1.base, the packages.
    package static let cp1BasePackages = Requirement(
        "CP1.base",
        asks: "nothing the service does not use",
        limit: "only \(runtimePackages.sorted().joined(separator: ", ")); no compilers, curl, wget or Swift toolchain"
    )
    /// CP1.base, the binary.
    package static let cp1BaseBinary = Requirement("CP1.base", asks: "the service is a Swift binary", limit: "an ELF with the Swift runtime")
    /// CP4.instruction.
    package static let cp4Instruction = Requirement(
        "CP4.instruction",
        asks: "the Oracle image has the spec's HEALTHCHECK",
        limit: "interval \(imageHealthcheck.interval?.limitText ?? ""), timeout \(imageHealthcheck.timeout?.limitText ?? ""), "
            + "retries \(imageHealthcheck.retries ?? 0), start period \(imageHealthcheck.startPeriod?.limitText ?? "")"
    )
}
