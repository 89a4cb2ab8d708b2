/// Hardening (SEC.* beyond the written spec): least privilege in every container.
extension Requirements {
    /// SEC.caps.
    package static let secCaps = Requirement(
        "SEC.caps",
        asks: "every container drops all Linux capabilities and adds back only the ones it needs, each with its reason in a comment",
        limit: "CapDrop ALL on all five; every CapAdd a cap_add item of the compose file with a # reason"
    )
    /// SEC.nnp.
    package static let secNoNewPrivileges = Requirement(
        "SEC.nnp",
        asks: "no-new-privileges on every container",
        limit: "SecurityOpt holds no-new-privileges on all five"
    )
    /// SEC.readonly.
    package static let secReadOnly = Requirement(
        "SEC.readonly",
        asks: "every container's root file system is read-only; what is written goes to a volume, a bind mount or a tmpfs",
        limit: "ReadonlyRootfs on all five, and the stack passes every checkpoint so"
    )
    /// SEC.pids.
    package static let secPids = Requirement(
        "SEC.pids",
        asks: "every container has a PIDs limit",
        limit: "PidsLimit > 0 on all five"
    )
    /// SEC.enginelogs.
    package static let secEngineLogs = Requirement(
        "SEC.enginelogs",
        asks: "every container's engine log is bounded",
        limit: "json-file with max-size (and max-file), or the local driver, on all five"
    )
    /// SEC.dbrole.
    package static let secDatabaseRole = Requirement(
        "SEC.dbrole",
        asks: "the Oracle connects to PostgreSQL as a role that may only do what it needs (insert and select on its tables), never the superuser",
        limit:
            "every Oracle session as a role with no superuser, CREATEROLE, CREATEDB, REPLICATION or BYPASSRLS; SELECT and INSERT on its two tables only; UPDATE, DELETE, TRUNCATE, DDL refused"
    )
    /// SEC.redact.
    package static let secRedact = Requirement(
        "SEC.redact",
        asks: "nothing the harness writes (report, JUnit, failure bundle) contains a secret value from .env",
        limit: "a marker secret and every secret of the env file in none of the files written; without the redaction the same search finds each"
    )
    /// SEC.aikey.
    package static let secAIKey = Requirement(
        "SEC.aikey",
        asks:
            "the Messages API key is sent only to the configured host over HTTPS (loopback excepted for tests); a redirect never carries it elsewhere",
        limit:
            "ANTHROPIC_BASE_URL https or loopback http; behind a redirecting stand-in the key reaches only it, over loopback, the redirect target gets no request, the reading falls back to the rules with a warning naming the status and host"
    )
    /// SEC.limits.input: the byte limit every string field must have, and the most input a message may quote.
    package static let secInputLimits = Requirement(
        "SEC.limits.input",
        asks: "every string field has a byte limit; an error message never echoes more than \(maxQuotedBytes) bytes of the input",
        limit: "each string and repeated field far over its limit → INVALID_ARGUMENT naming it; every message quotes ≤ \(maxQuotedBytes) input bytes"
    )
    /// SEC.limits.input's bound on the input an error message quotes.
    package static let maxQuotedBytes = 256
    /// SEC.fuzz.
    package static let secFuzz = Requirement(
        "SEC.fuzz",
        asks:
            "\(fuzzMessages) generated gRPC messages (random bytes, mutated valid messages, extreme varints, invalid UTF-8, huge and deeply repeated fields) → no crash or restart; only OK, INVALID_ARGUMENT, RESOURCE_EXHAUSTED or FAILED_PRECONDITION; memory growth < \(fuzzMemoryGrowthMB) MB; reference readings unchanged afterwards",
        limit:
            "\(fuzzMessages) messages of every kind; statuses in the four; 0 restarts; memory growth < \(fuzzMemoryGrowthMB) MB; the reference reading the same"
    )
    /// SEC.fuzz's message count.
    package static let fuzzMessages = 100_000
    /// SEC.fuzz's bound on the Oracle's memory growth, in MB.
    package static let fuzzMemoryGrowthMB = 50
    /// The statuses SEC.fuzz allows.
    package static let fuzzStatuses: Set<String> = ["OK", "INVALID_ARGUMENT", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION"]
}

/// The api refusing what it cannot use (SEC.apifuzz).
extension Requirements {
    /// How many generated bad requests SEC.apifuzz sends the api.
    package static let apiFuzzRequests = 1000
    /// The api's request body limit, in bytes: a body over it is answered 413.
    package static let apiBodyLimit = 1 << 20

    /// SEC.apifuzz.
    package static let secAPIFuzz = Requirement(
        "SEC.apifuzz",
        asks:
            "the api answers \(apiFuzzRequests) generated bad bodies and queries with 4xx JSON (413 for a body over its limit), never 5xx, never an internal type name",
        limit:
            "all \(apiFuzzRequests) answered 4xx with a JSON body naming no internal type; 413 for every body over \(apiBodyLimit) bytes; the api not restarted and still answering a reading"
    )
    /// SEC.webui.
    package static let secWebUI = Requirement(
        "SEC.webui",
        asks:
            "the web-ui runs as a non-root user, hides its server version, sends Content-Security-Policy (no unsafe-inline), X-Content-Type-Options, Referrer-Policy and frame-ancestors, and rate-limits /api/ (429 past the limit); the page still works in a real browser under that policy",
        limit:
            "no root process; Server without a version; the four headers on pages and errors; a burst of \(webUIBurst) to /api/ meets 429 with JSON; headless Chromium shows both readings with no CSP violation"
    )
    /// The requests of SEC.webui's burst: well past the limit of 20 a second with bursts of 40.
    package static let webUIBurst = 150
    /// SEC.tls.
    package static let secTLS = Requirement(
        "SEC.tls",
        asks:
            "the web-ui serves HTTPS (TLS 1.2 and 1.3 only, no weak ciphers) with the certificate in infrastructure/volumes/tls (the up command makes a self-signed one when none is there; a user's own is used as it is); its plain-HTTP port only redirects to HTTPS; HSTS is sent",
        limit:
            "TLS 1.0/1.1 and non-forward-secret or CBC suites refused, 1.2 and 1.3 accepted; the served certificate is volumes/tls/cert.pem; tls-cert.sh keeps an own pair, refuses a broken one, makes one when none; HTTP → 301 to the same path over HTTPS; HSTS max-age ≥ 1 year"
    )
}

/// Connections that abuse HTTP/2 or HTTP/1, or sit idle (SEC.abuse).
extension Requirements {
    /// SEC.abuse.
    package static let secAbuse = Requirement(
        "SEC.abuse",
        asks:
            "HTTP/2 abuse (rapid reset, PING and SETTINGS floods, streams that never end) and slowloris on 8052 and 8000 → the abusive connection is closed, other clients' /health p99 stays < \(healthAnswerLimit.limitText), idle connections are closed within \(abuseIdleLimit.limitText)",
        limit:
            "every abusive connection closed by the server, a flood within \(abuseFloodLimit.limitText), never for a malformed frame; ≤ \(abuseMaxStreams) streams advertised; idle, silent and endless-stream connections closed within \(abuseIdleLimit.limitText); every /health poll meanwhile 200, p99 < \(healthAnswerLimit.limitText)"
    )
    /// SEC.abuse's bound on the time an idle connection (or a silent one holding streams that never end) stays open.
    package static let abuseIdleLimit: Duration = .seconds(60)
    /// SEC.abuse's bound on the time a flood's connection stays open: refused as abuse, not closed later as idle.
    package static let abuseFloodLimit: Duration = .seconds(10)
    /// The most concurrent streams per connection the Oracle's gRPC server may advertise.
    package static let abuseMaxStreams = 100
    /// How long each abuser waits for its connection to be closed: past the idle limit, so a late close is measured.
    package static let abuseHold: Duration = .seconds(75)
    /// The abuses SEC.abuse runs at once, by the service abused: HTTP/2 on the Oracle's gRPC port, slow and idle
    /// HTTP/1 connections on its health port and on the api.
    package static let abusePlan: [(service: String, kinds: [String])] = [
        (abuseOracleGRPC, ["rapid-reset", "ping-flood", "settings-flood", "endless-streams", "idle", "idle-h2"]),
        (abuseOracleHealth, ["slowloris", "slow-body", "idle"]),
        (abuseAPI, ["slowloris", "slow-body", "idle"]),
    ]
    /// The Oracle's gRPC port, as SEC.abuse names it.
    package static let abuseOracleGRPC = "oracle gRPC"
    /// The Oracle's health port, as SEC.abuse names it.
    package static let abuseOracleHealth = "oracle health"
    /// The api's port, as SEC.abuse names it.
    package static let abuseAPI = "api"
}

/// Minimal, patched runtime images (SEC.minimal, SEC.patched).
extension Requirements {
    /// SEC.minimal.
    package static let secMinimal = Requirement(
        "SEC.minimal",
        asks:
            "the runtime images of the Swift services contain their binary and the few Debian packages it needs (C library, C++ runtime, zlib, CA certificates, time zones): no shell, no package manager",
        limit:
            "oracle, api and scanner images: only \(runtimePackages.sorted().joined(separator: ", ")); no shell, apt or dpkg in the exported file system"
    )
    /// The Debian packages a Swift runtime image may hold: what the static binaries need, libgcc's base and the OS name.
    package static let runtimePackages: Set<String> = [
        "base-files", "libc6", "libgcc-s1", "gcc-12-base", "libstdc++6", "zlib1g", "ca-certificates", "tzdata",
    ]
    /// SEC.patched.
    package static let secPatched = Requirement(
        "SEC.patched",
        asks: "no runtime image has a pending Debian security update when it is built",
        limit:
            "check-patched.sh on the dpkg status of the oracle, api, scanner and web-ui images against bookworm-security: none pending; a status one version behind is caught"
    )
}
