# The Oracle image, and the Swift stand-ins that share its builder stage (so the stack builds
# Swift once). Build from the repository root:
#   DOCKER_BUILDKIT=1 docker build -f infrastructure/Dockerfiles/oracle.Dockerfile -t nps-oracle .
# The last stage is the Oracle; `--target api-stand-in` / `--target scanner-stand-in` give the others.
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

# ---- api-stand-in: HTTP JSON in front of the Oracle (stands in for the api we do not own) ----
FROM debian:bookworm-slim AS api-stand-in
RUN useradd --uid 1000 --user-group --home-dir /app --no-create-home --shell /usr/sbin/nologin nps
COPY --from=builder /staging/nps-api-stand-in /app/nps-api-stand-in
USER 1000:1000
WORKDIR /app
ENV PORT=8000
EXPOSE 8000
HEALTHCHECK --interval=5s --timeout=3s --retries=3 --start-period=20s \
    CMD ["/app/nps-api-stand-in", "healthcheck"]
ENTRYPOINT ["/app/nps-api-stand-in"]

# ---- scanner-stand-in: gRPC health on 50051, asks the Oracle for a range (never tests keys) ----
FROM debian:bookworm-slim AS scanner-stand-in
RUN useradd --uid 1000 --user-group --home-dir /app --no-create-home --shell /usr/sbin/nologin nps
COPY --from=builder /staging/nps-scanner-stand-in /app/nps-scanner-stand-in
USER 1000:1000
WORKDIR /app
ENV GRPC_PORT=50051
EXPOSE 50051
HEALTHCHECK --interval=5s --timeout=3s --retries=3 --start-period=20s \
    CMD ["/app/nps-scanner-stand-in", "healthcheck"]
ENTRYPOINT ["/app/nps-scanner-stand-in"]

# ---- oracle: slim Debian runtime, non-root ----
FROM debian:bookworm-slim AS oracle

# ca-certificates: TLS to the Messages API; nothing else is needed by the static binary.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --uid 1000 --user-group --home-dir /app --no-create-home --shell /usr/sbin/nologin oracle \
    && mkdir -p /app/logs /app/spool \
    && chown oracle:oracle /app/logs /app/spool

COPY --from=builder /staging/nps-oracle /app/nps-oracle

USER 1000:1000
WORKDIR /app
ENV GRPC_PORT=50052 \
    HEALTH_PORT=8052 \
    LOG_FILE=/app/logs/oracle.log \
    NPS_SPOOL_DIR=/app/spool
EXPOSE 50052 8052

# The probe is built into the binary (GET /health on HEALTH_PORT), so the image needs no curl.
HEALTHCHECK --interval=10s --timeout=5s --retries=3 --start-period=30s \
    CMD ["/app/nps-oracle", "healthcheck"]
ENTRYPOINT ["/app/nps-oracle"]
