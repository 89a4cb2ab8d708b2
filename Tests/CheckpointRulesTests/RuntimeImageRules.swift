import CheckpointRules
import Testing

/// SEC.minimal and SEC.patched on image contents and check-patched.sh runs like the stack's, and on the old
/// debian:bookworm-slim runtime's.
@Suite("Runtime image rules (SEC.minimal, SEC.patched)")
struct RuntimeImageRules {
    /// A FROM-scratch Oracle image: its binary, the eight packages' files, no shell.
    static let minimal = RuntimeImageContents(
        image: "nps-oracle:latest",
        paths: ["app/nps-oracle", "usr/lib/x86_64-linux-gnu/libc.so.6", "etc/ssl/certs/ca-certificates.crt", "usr/share/zoneinfo/UTC"],
        packages: Requirements.runtimePackages,
        binary: "app/nps-oracle"
    )

    @Test("The binary with the eight runtime packages and no shell passes")
    func minimalHolds() {
        let outcome = RuntimeImageChecks.minimal([Self.minimal])
        #expect(outcome.passed, "\(outcome.reason)")
    }

    @Test("The slim Debian runtime (bash, apt, dpkg, 80 packages) fails, naming the programs and packages; so does a missing binary")
    func slimFails() {
        let slim = RuntimeImageContents(
            image: "nps-oracle:slim",
            paths: Self.minimal.paths.union(["usr/bin/bash", "bin/sh", "usr/bin/apt-get", "usr/bin/dpkg"]),
            packages: Requirements.runtimePackages.union(["bash", "apt", "dpkg", "perl-base", "login"]),
            binary: "app/nps-oracle"
        )
        let outcome = RuntimeImageChecks.minimal([slim])
        #expect(!outcome.passed)
        #expect(outcome.reason.contains("holds 5 other package(s): apt, bash, dpkg, login, perl-base"), "\(outcome.reason)")
        #expect(outcome.reason.contains("/bin/sh, /usr/bin/bash, /usr/bin/apt-get, /usr/bin/dpkg"), "\(outcome.reason)")
        let empty = RuntimeImageContents(image: "x", paths: [], packages: ["libc6"], binary: "app/nps-oracle")
        let broken = RuntimeImageChecks.minimal([empty])
        #expect(!broken.passed && broken.reason.contains("x lacks /app/nps-oracle") && broken.reason.contains("x lacks ca-certificates"))
    }

    @Test("Paths and packages are read from tar -t and a dpkg status")
    func parsing() {
        #expect(RuntimeImageContents.paths(inListing: "./\n./app/\napp/nps-oracle\n/usr/bin/bash\n") == ["app", "app/nps-oracle", "usr/bin/bash"])
        #expect(RuntimeImageContents.packages(inStatus: "Package: libc6\nStatus: install ok installed\n\nPackage: tzdata\n") == ["libc6", "tzdata"])
    }

    @Test("SEC.patched passes with none pending and the broken variant caught; a pending update or an uncaught variant fails")
    func patched() {
        let clean = RuntimeImageChecks.PatchCheck(
            subject: "nps-oracle:latest",
            exitStatus: 0,
            output: "check-patched.sh: no pending security update among 8 packages"
        )
        let caught = RuntimeImageChecks.PatchCheck(
            subject: "zlib1g one version behind",
            exitStatus: 1,
            output: "Inst zlib1g [1:1.2.13.dfsg-1] (1:1.2.13.dfsg-1+deb12u1 Debian-Security)"
        )
        #expect(RuntimeImageChecks.patched([clean], brokenVariant: caught).passed)
        let pending = RuntimeImageChecks.PatchCheck(subject: "nps-oracle:latest", exitStatus: 1, output: caught.output)
        let failed = RuntimeImageChecks.patched([pending], brokenVariant: caught)
        #expect(!failed.passed && failed.reason.contains("nps-oracle:latest: exit 1: Inst zlib1g"), "\(failed.reason)")
        let unfetched = RuntimeImageChecks.PatchCheck(subject: caught.subject, exitStatus: 2, output: "no bookworm-security package list")
        let blind = RuntimeImageChecks.patched([clean], brokenVariant: unfetched)
        #expect(!blind.passed && blind.reason.contains("was not caught: exit 2"), "\(blind.reason)")
    }
}
