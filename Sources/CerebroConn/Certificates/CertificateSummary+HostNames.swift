extension CertificateSummary {
    /// The names a client can match a host against, as libpq reads them (`verify-full`).
    ///
    /// These are the DNS and IP subject alternative names, in certificate order. The common
    /// name comes first only when there is no DNS name among them, because libpq then checks it.
    public var hostNames: [String] {
        var names: [String] = []
        var hasDNSName = false
        for name in subjectAlternativeNames {
            switch name {
            case .dns(let value):
                hasDNSName = true
                names.append(value)
            case .ipAddress(let value):
                names.append(value)
            case .email, .uri, .other:
                break
            }
        }
        if !hasDNSName, let commonName, !names.contains(commonName) {
            names.insert(commonName, at: 0)
        }
        return names
    }
}
