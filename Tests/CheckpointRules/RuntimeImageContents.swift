/// What a runtime image holds, as the SEC.minimal test reads it: the paths of its exported file system and the
/// packages of its dpkg status.
package struct RuntimeImageContents: Sendable {
    /// The image, e.g. "nps-oracle:latest".
    package let image: String
    /// Every path in `docker export`, without a leading "./" or "/".
    package let paths: Set<String>
    /// The packages its /var/lib/dpkg/status lists.
    package let packages: Set<String>
    /// The service binary it must hold, e.g. "app/nps-oracle".
    package let binary: String

    /// The measured image.
    package init(image: String, paths: Set<String>, packages: Set<String>, binary: String) {
        self.image = image
        self.paths = paths
        self.packages = packages
        self.binary = binary
    }

    /// The packages listed in a dpkg status file's text.
    package static func packages(inStatus text: String) -> Set<String> {
        Set(text.split(separator: "\n").filter { $0.hasPrefix("Package: ") }.map { String($0.dropFirst("Package: ".count)) })
    }

    /// The paths of `tar -t` output, normalised.
    package static func paths(inListing text: String) -> Set<String> {
        Set(
            text.split(separator: "\n").map { line in
                var path = Substring(line)
                while path.hasPrefix("./") || path.hasPrefix("/") { path = path.drop { $0 == "." || $0 == "/" } }
                return String(path.hasSuffix("/") ? path.dropLast() : path)
            }.filter { !$0.isEmpty }
        )
    }
}
