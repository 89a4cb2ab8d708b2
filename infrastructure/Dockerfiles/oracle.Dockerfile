# The Oracle image, and the Swift stand-ins that share its builder stage (so the stack builds
# Swift once) and its minimal runtime root file system (FROM scratch: no shell, no apt). Build from the repository root:
#   DOCKER_BUILDKIT=1 docker build -f infrastructure/Dockerfiles/oracle.Dockerfile -t nps-oracle .
# The last stage is the Oracle; `--target api-stand-in` / `--target scanner-stand-in` give the others, and
# `--target oracle-benchmark` the load, fuzz and abuse client the checkpoint suites drive the Oracle with.
# BuildKit is required (cache mounts): `docker compose build`, or DOCKER_BUILDKIT=1 with a CLI that has it.

# ---- builder: the Swift toolchain; packages resolved in their own layer, builds cached ----
FROM swift:6.3-bookworm AS builder
WORKDIR /build
# The manifest leaves its test targets out under this variable: Tests/ is not in the build context.
ENV NPS_IMAGE_BUILD=1

# Only the manifest invalidates package resolution. .build lives in a cache mount shared by every
# build of this file, so a source change recompiles only what changed.
COPY Package.swift ./
RUN --mount=type=cache,id=nps-swift-build,target=/build/.build \
    swift package resolve

COPY Sources ./Sources
RUN --mount=type=cache,id=nps-swift-build,target=/build/.build \
    mkdir -p /staging \
    && for product in nps-oracle nps-api-stand-in nps-scanner-stand-in; do \
        swift build -c release --static-swift-stdlib --product "$product" \
        && cp "$(swift build -c release --show-bin-path)/$product" /staging/ ; \
    done \
    && strip /staging/*

# ---- runtime-rootfs: the root file system the three runtimes share (SEC.minimal, SEC.patched) ----
# The static binaries need only the C library, the C++ runtime and zlib; CA certificates (TLS to the Messages API)
# and time zone data (Foundation reads /usr/share/zoneinfo for a named zone) come along; gcc-12-base is libgcc's
# dependency and base-files names the OS for scanners. Each at its current version from the stage's own sources
# (bookworm, -updates and -security: deb.debian.org in the official image, the host's mirror in the offline
# stand-in), unpacked without maintainer scripts; the build fails when one still has a pending security update.
# APT_REFRESH (up.sh passes the date) re-runs this layer, which BuildKit would otherwise keep with its packages.
FROM debian:bookworm-slim AS runtime-rootfs
# checkov:skip=CKV_DOCKER_5: the package lists feed `apt-get download` in runtime-rootfs.sh, in the same RUN
ARG APT_REFRESH=unset
COPY infrastructure/Dockerfiles/runtime-rootfs.sh infrastructure/Dockerfiles/check-patched.sh /usr/local/bin/
RUN echo "package lists as of ${APT_REFRESH}" \
    && apt-get update -q \
    && runtime-rootfs.sh /rootfs base-files libc6 libgcc-s1 gcc-12-base libstdc++6 zlib1g ca-certificates tzdata \
    && check-patched.sh /rootfs/var/lib/dpkg/status \
    && rm -rf /var/lib/apt/lists/*

# ---- api-stand-in: HTTP JSON in front of the Oracle (stands in for the api we do not own) ----
FROM scratch AS api-stand-in
COPY --from=runtime-rootfs /rootfs/ /
COPY --from=builder /staging/nps-api-stand-in /app/nps-api-stand-in
USER 1000:1000
WORKDIR /app
ENV PORT=8000
EXPOSE 8000
HEALTHCHECK --interval=5s --timeout=3s --retries=3 --start-period=20s \
    CMD ["/app/nps-api-stand-in", "healthcheck"]
ENTRYPOINT ["/app/nps-api-stand-in"]

# ---- scanner-stand-in: gRPC health on 50051, asks the Oracle for a range (never tests keys) ----
FROM scratch AS scanner-stand-in
COPY --from=runtime-rootfs /rootfs/ /
COPY --from=builder /staging/nps-scanner-stand-in /app/nps-scanner-stand-in
USER 1000:1000
WORKDIR /app
ENV GRPC_PORT=50051
EXPOSE 50051
HEALTHCHECK --interval=5s --timeout=3s --retries=3 --start-period=20s \
    CMD ["/app/nps-scanner-stand-in", "healthcheck"]
ENTRYPOINT ["/app/nps-scanner-stand-in"]

# ---- benchmark-builder: oracle-benchmark in release, built only when its image is asked for ----
# On the builder's cache mount, so only its own module compiles; a debug client spent ~4 ms of CPU per call,
# more than the Oracle it was measuring.
FROM builder AS benchmark-builder
RUN --mount=type=cache,id=nps-swift-build,target=/build/.build \
    swift build -c release --static-swift-stdlib --product oracle-benchmark \
    && cp "$(swift build -c release --show-bin-path)/oracle-benchmark" /staging/ \
    && strip /staging/oracle-benchmark

# ---- oracle-benchmark: `oracle-benchmark load …` against a target it reaches (the tests run it on the host's network) ----
FROM scratch AS oracle-benchmark
COPY --from=runtime-rootfs /rootfs/ /
COPY --from=benchmark-builder /staging/oracle-benchmark /app/oracle-benchmark
USER 1000:1000
WORKDIR /app
# A client that runs and exits: there is nothing to probe.
HEALTHCHECK NONE
ENTRYPOINT ["/app/oracle-benchmark"]

# ---- oracle: no shell, no package manager, non-root ----
FROM scratch AS oracle
COPY --from=runtime-rootfs /rootfs/ /
COPY --from=builder /staging/nps-oracle /app/nps-oracle

USER 1000:1000
WORKDIR /app
ENV GRPC_PORT=50052 \
    HEALTH_PORT=8052 \
    LOG_FILE=/app/logs/oracle.log \
    NPS_SPOOL_DIR=/app/spool
EXPOSE 50052 8052

# The probe is built into the binary (GET /health on HEALTH_PORT): the image has no curl, and no shell to run one.
HEALTHCHECK --interval=10s --timeout=5s --retries=3 --start-period=30s \
    CMD ["/app/nps-oracle", "healthcheck"]
ENTRYPOINT ["/app/nps-oracle"]
