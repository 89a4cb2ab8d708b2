/// SEC.webui and SEC.tls: the web-ui as a browser and a TLS client meet it.
package enum WebUIChecks {
    /// The headers every HTTPS answer must carry, by lowercased name.
    package static let securityHeaders = ["content-security-policy", "x-content-type-options", "referrer-policy"]
    /// The least HSTS max-age accepted: one year.
    package static let hstsMinimumSeconds = 31_536_000

    /// SEC.webui: no root process, no version in Server, the security headers on a page and an error, 429 JSON past
    /// the /api/ limit, and the page rendered in Chromium with no CSP violation.
    package static func webUI(_ seen: WebUIObservation) -> CheckOutcome {
        var points = RequirementPoints(Requirements.secWebUI.id)
        points.expect(!seen.processUsers.isEmpty, "docker top listed no process")
        let rootProcesses = seen.processUsers.filter { $0 == "root" || $0 == "0" }.count
        points.expect(rootProcesses == 0, "\(rootProcesses) of \(seen.processUsers.count) processes run as root")
        for (page, headers) in [("the page", seen.pageHeaders), ("a 404", seen.errorHeaders)] {
            let server = headers["server"] ?? ""
            points.expect(!server.contains(where: \.isNumber), "\(page)'s Server header '\(server)' names a version")
            for name in securityHeaders where headers[name] == nil {
                points.expect(false, "\(page) has no \(name) header")
            }
            let policy = headers["content-security-policy"] ?? ""
            points.expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), "\(page)'s CSP allows unsafe code: \(policy)")
            points.expect(policy.contains("frame-ancestors"), "\(page)'s CSP has no frame-ancestors")
            points.expect(
                headers["x-content-type-options"]?.lowercased() == "nosniff" || headers["x-content-type-options"] == nil,
                "\(page)'s X-Content-Type-Options is not nosniff"
            )
        }
        let tooMany = seen.burstStatuses[429] ?? 0
        let burst = seen.burstStatuses.values.reduce(0, +)
        points.expect(tooMany > 0, "no 429 in a burst of \(burst) requests to /api/")
        let others = seen.burstStatuses.filter { $0.key != 429 && $0.key != 200 }
        points.expect(others.isEmpty, "the burst got \(others.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }.joined(separator: ", "))")
        points.expect(
            seen.tooManyContentTypes.allSatisfy { $0.hasPrefix("application/json") },
            "429 answers came as \(seen.tooManyContentTypes.sorted().joined(separator: ", ")), not JSON"
        )
        let missing = seen.browser.expected.filter { !seen.browser.dom.contains($0) }
        points.expect(missing.isEmpty, "Chromium's DOM lacks \(missing.joined(separator: ", "))")
        points.expect(seen.browser.violations.isEmpty, "Chromium reported \(seen.browser.violations.prefix(3).joined(separator: " | "))")
        return points.outcome(
            summary:
                "processes as \(Set(seen.processUsers).sorted().joined(separator: ", ")); Server '\(seen.pageHeaders["server"] ?? "")'; CSP, nosniff, Referrer-Policy, frame-ancestors on page and 404; burst of \(burst): \(seen.burstStatuses[200] ?? 0) × 200, \(tooMany) × 429 JSON; Chromium rendered both readings, no violation"
        )
    }

    /// SEC.tls: only TLS 1.2 and 1.3 with strong suites, the volume's certificate, HTTP only redirecting, HSTS, and
    /// tls-cert.sh keeping, refusing and making pairs as it says.
    package static func tls(_ seen: TLSObservation) -> CheckOutcome {
        var points = RequirementPoints(Requirements.secTLS.id)
        for handshake in seen.handshakes {
            if handshake.shouldSucceed {
                points.expect(handshake.agreed != nil, "\(handshake.offered) was refused")
            } else {
                points.expect(handshake.agreed == nil, "\(handshake.offered) was accepted: \(handshake.agreed ?? "")")
            }
        }
        points.expect(seen.handshakes.contains { !$0.shouldSucceed }, "no handshake that must fail was tried")
        points.expect(seen.servesVolumeCertificate, "the certificate served is not infrastructure/volumes/tls/cert.pem")
        for redirect in seen.redirects {
            points.expect(
                redirect.status == 301 && redirect.location == redirect.expected,
                "\(redirect.url) → \(redirect.status) \(redirect.location ?? "no Location"), not 301 to \(redirect.expected)"
            )
        }
        points.expect(!seen.redirects.isEmpty, "the plain-HTTP port was not probed")
        let maxAge = seen.hsts.flatMap { header in
            header.split(separator: ";").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
                .first { $0.lowercased().hasPrefix("max-age=") }.flatMap { Int($0.dropFirst("max-age=".count)) }
        }
        points.expect(
            (maxAge ?? 0) >= hstsMinimumSeconds,
            "Strict-Transport-Security is \(seen.hsts ?? "absent"), not max-age ≥ \(hstsMinimumSeconds)"
        )
        for item in seen.certificateCases {
            points.expect(item.held, "tls-cert.sh: \(item.name) did not hold: \(item.detail)")
        }
        let agreed = seen.handshakes.compactMap(\.agreed)
        return points.outcome(
            summary:
                "\(seen.handshakes.filter(\.shouldSucceed).count) handshakes accepted (\(agreed.joined(separator: "; "))), \(seen.handshakes.filter { !$0.shouldSucceed }.count) refused; the volume's certificate served; \(seen.redirects.count) plain-HTTP requests 301 to HTTPS; \(seen.hsts ?? ""); tls-cert.sh: \(seen.certificateCases.map(\.name).joined(separator: "; "))"
        )
    }
}
