#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#endif

// Checks on decoded certificates: order in the chain file, validity windows, the CA signature.

extension CertificateSetInspector {
    /// Checks the client chain: the leaf comes first, and every certificate is within its window.
    func checkClientCertificates(_ file: CertificateFile, into findings: inout [Finding]) {
        if let leaf = file.certificates.first, file.certificates.count > 1 {
            let rest = file.certificates.dropFirst()
            if leaf.isCertificateAuthority || rest.contains(where: { leaf.isIssuer(of: $0) }) {
                findings.append(Finding(path: file.path, kind: .leafNotFirst))
            }
        }

        for (index, summary) in file.summaries.enumerated() {
            if let kind = validityFinding(for: summary, isClient: index == 0) {
                findings.append(Finding(path: file.path, kind: kind))
            }
        }

        checkClientUse(of: file, into: &findings)
    }

    /// Checks that the leaf can identify a TLS client: OpenSSL on the server refuses a
    /// certificate without `clientAuth`, and cannot use a DSA key over TLS 1.3 at all.
    private func checkClientUse(of file: CertificateFile, into findings: inout [Finding]) {
        if let leaf = file.certificates.first, !leaf.allowsClientAuthentication {
            findings.append(Finding(path: file.path, kind: .notForClientAuthentication))
        }
        if let summary = file.summaries.first, summary.publicKey.algorithm == .dsa {
            findings.append(Finding(path: file.path, kind: .keyUnusableWithTLS13(algorithm: "DSA")))
        }
    }

    /// Checks every CA certificate's window; problems there are warnings naming the subject.
    func checkAuthorityCertificates(_ file: CertificateFile, into findings: inout [Finding]) {
        for summary in file.summaries {
            if let kind = validityFinding(for: summary, isClient: false) {
                findings.append(Finding(path: file.path, kind: kind))
            }
        }
    }

    /// Warns when no certificate in the CA file signs the client certificate, dates ignored.
    func checkSignature(
        of client: CertificateFile,
        by authority: CertificateFile,
        into findings: inout [Finding]
    ) {
        guard let leaf = client.certificates.first else {
            return
        }

        let failure = leaf.verificationFailure(
            anchors: authority.certificates,
            intermediates: Array(client.certificates.dropFirst())
        )
        if let failure {
            let kind = FindingKind.notSignedByAuthority(
                authorityPath: authority.path,
                reason: failure
            )
            findings.append(Finding(path: client.path, kind: kind))
        }
    }

    /// The validity finding for one certificate at `now`, if any.
    ///
    /// The client certificate gets errors; any other certificate gets warnings naming its subject.
    func validityFinding(for summary: CertificateSummary, isClient: Bool) -> FindingKind? {
        let subject = summary.subject
        if now > summary.notAfter {
            return isClient
                ? .expired(notAfter: summary.notAfter)
                : .otherCertificateExpired(subject: subject, notAfter: summary.notAfter)
        }
        if now < summary.notBefore {
            return isClient
                ? .notYetValid(notBefore: summary.notBefore)
                : .otherCertificateNotYetValid(subject: subject, notBefore: summary.notBefore)
        }

        let secondsLeft = summary.notAfter.timeIntervalSince(now)
        guard secondsLeft < Double(expiryWarningDays) * 86_400 else {
            return nil
        }
        let daysLeft = Int(secondsLeft / 86_400)
        return isClient
            ? .expiresSoon(notAfter: summary.notAfter, daysLeft: daysLeft)
            : .otherCertificateExpiresSoon(
                subject: subject,
                notAfter: summary.notAfter,
                daysLeft: daysLeft
            )
    }
}
