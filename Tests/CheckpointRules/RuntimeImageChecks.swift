/// SEC.minimal and SEC.patched: the Swift services' runtime images hold their binary and a few patched packages.
package enum RuntimeImageChecks {
    /// Programs a minimal image must not hold: shells and package managers.
    package static let forbiddenPrograms = [
        "bin/sh", "bin/bash", "bin/dash", "usr/bin/sh", "usr/bin/bash", "usr/bin/dash", "bin/busybox", "usr/bin/busybox",
        "usr/bin/apt", "usr/bin/apt-get", "usr/bin/dpkg", "usr/bin/dpkg-deb", "usr/bin/perl",
    ]
    /// The packages the binaries cannot run without.
    package static let requiredPackages: Set<String> = ["libc6", "libstdc++6", "libgcc-s1", "zlib1g", "ca-certificates", "tzdata"]

    /// SEC.minimal: each image holds its binary, only the allowed packages (the required ones among them), and no
    /// shell or package manager.
    package static func minimal(_ images: [RuntimeImageContents]) -> CheckOutcome {
        var points = RequirementPoints(Requirements.secMinimal.id)
        points.expect(!images.isEmpty, "no image was measured")
        for image in images {
            points.expect(image.paths.contains(image.binary), "\(image.image) lacks /\(image.binary)")
            let extra = image.packages.subtracting(Requirements.runtimePackages)
            points.expect(extra.isEmpty, "\(image.image) holds \(extra.count) other package(s): \(extra.sorted().prefix(8).joined(separator: ", "))")
            let missing = requiredPackages.subtracting(image.packages)
            points.expect(missing.isEmpty, "\(image.image) lacks \(missing.sorted().joined(separator: ", "))")
            let programs = forbiddenPrograms.filter(image.paths.contains)
            points.expect(programs.isEmpty, "\(image.image) holds \(programs.map { "/\($0)" }.joined(separator: ", "))")
        }
        let summary = images.map { "\($0.image): \($0.packages.count) packages, \($0.paths.count) paths" }.joined(separator: "; ")
        return points.outcome(summary: "\(summary); no shell, apt or dpkg")
    }

    /// One run of check-patched.sh: the image (or the broken variant) and what it said.
    package struct PatchCheck: Sendable {
        /// What was checked, e.g. "nps-oracle:latest".
        package let subject: String
        /// check-patched.sh's exit status: 0 none pending, 1 pending, 2 no security list.
        package let exitStatus: Int32
        /// Its output.
        package let output: String

        /// A run.
        package init(subject: String, exitStatus: Int32, output: String) {
            self.subject = subject
            self.exitStatus = exitStatus
            self.output = output
        }
    }

    /// SEC.patched: none pending in any image, and the broken variant (a status one security version behind) caught.
    package static func patched(_ images: [PatchCheck], brokenVariant: PatchCheck) -> CheckOutcome {
        var points = RequirementPoints(Requirements.secPatched.id)
        points.expect(!images.isEmpty, "no image was checked")
        for check in images {
            points.expect(check.exitStatus == 0, "\(check.subject): exit \(check.exitStatus): \(check.output.suffix(400))")
        }
        points.expect(
            brokenVariant.exitStatus == 1 && brokenVariant.output.contains("Inst "),
            "the status one version behind (\(brokenVariant.subject)) was not caught: exit \(brokenVariant.exitStatus): \(brokenVariant.output.suffix(300))"
        )
        // check-patched.sh's verdict line, not the end of the transcript (its stderr heading).
        let verdict = images.first?.output.split(separator: "\n").last { $0.hasPrefix("check-patched.sh:") }.map(String.init) ?? ""
        return points.outcome(summary: "\(images.map(\.subject).joined(separator: ", ")): \(verdict); \(brokenVariant.subject) caught")
    }
}
