/// What the SEC.tls test measured: handshakes, the certificate served, the plain-HTTP port, HSTS and tls-cert.sh.
package struct TLSObservation: Sendable {
    /// One `openssl s_client` handshake.
    package struct Handshake: Sendable {
        /// What was offered, e.g. "TLS 1.1" or "TLS 1.2 with AES128-SHA:…".
        package let offered: String
        /// Whether the server must accept it.
        package let shouldSucceed: Bool
        /// The protocol and cipher agreed ("TLSv1.3 TLS_AES_256_GCM_SHA384"), nil when refused.
        package let agreed: String?

        /// A handshake.
        package init(offered: String, shouldSucceed: Bool, agreed: String?) {
            self.offered = offered
            self.shouldSucceed = shouldSucceed
            self.agreed = agreed
        }
    }

    /// One request to the plain-HTTP port.
    package struct Redirect: Sendable {
        /// The URL asked for.
        package let url: String
        /// The status answered.
        package let status: Int
        /// Its Location header.
        package let location: String?
        /// The HTTPS URL it must point to.
        package let expected: String

        /// A redirect probe.
        package init(url: String, status: Int, location: String?, expected: String) {
            self.url = url
            self.status = status
            self.location = location
            self.expected = expected
        }
    }

    /// One case of tls-cert.sh run in a scratch copy of infrastructure/.
    package struct CertificateCase: Sendable {
        /// What the case is, e.g. "an own pair is kept byte for byte".
        package let name: String
        /// Whether it behaved so.
        package let held: Bool
        /// What was seen when it did not.
        package let detail: String

        /// A case.
        package init(name: String, held: Bool, detail: String) {
            self.name = name
            self.held = held
            self.detail = detail
        }
    }

    /// Every handshake tried.
    package let handshakes: [Handshake]
    /// Whether the certificate served is infrastructure/volumes/tls/cert.pem.
    package let servesVolumeCertificate: Bool
    /// The plain-HTTP probes.
    package let redirects: [Redirect]
    /// The Strict-Transport-Security header of the HTTPS page, nil when none.
    package let hsts: String?
    /// tls-cert.sh's cases.
    package let certificateCases: [CertificateCase]

    /// The measured TLS.
    package init(
        handshakes: [Handshake],
        servesVolumeCertificate: Bool,
        redirects: [Redirect],
        hsts: String?,
        certificateCases: [CertificateCase]
    ) {
        self.handshakes = handshakes
        self.servesVolumeCertificate = servesVolumeCertificate
        self.redirects = redirects
        self.hsts = hsts
        self.certificateCases = certificateCases
    }
}
