extension ConnectionProbe {
    /// The longest a peek waits for each address, in seconds, whatever the preset allows.
    static let peekTimeout = 5

    /// Reads the server's certificate with a second, short connection that stops once TLS is
    /// up; nil when the server cannot be reached or does not complete a TLS handshake.
    ///
    /// Used after a failure that the server's certificate explains: a host name it does not
    /// carry, or a CA that did not sign it. The peek uses `sslmode=require`, sends no client
    /// certificate and trusts no CA, so it verifies nothing; it ends before the startup
    /// packet, so the server authenticates nobody. The connection is finished at once.
    public static func peekServerCertificate(
        _ plan: ConnectionPlan,
        host: String
    ) -> CertificateSummary? {
        let parameters = peekParameters(plan, host: host)
        let timeout = min(plan.preset.connectTimeout, peekTimeout)
        let attempt = LibpqConnection.connect(parameters, timeout: timeout, goal: .encrypted)
        guard case .success(let connection) = attempt else {
            return nil
        }
        return connection.withSSLObject(OpenSSLSession.peerCertificate(of:)) ?? nil
    }

    /// The plan's parameters for `host`, with every SSL file pointing nowhere.
    static func peekParameters(_ plan: ConnectionPlan, host: String) -> [ConnectionParameter] {
        let absent = ConnectionPlan.absentFolder
        let overrides = [
            "host": host,
            "sslmode": SSLMode.require.rawValue,
            "sslcert": "\(absent)/client.crt",
            "sslkey": "\(absent)/client.key",
            "sslrootcert": "\(absent)/ca.crt",
            "sslcertmode": "disable",
        ]
        return plan.parameters.map { parameter in
            let value = overrides[parameter.keyword] ?? parameter.value
            return ConnectionParameter(keyword: parameter.keyword, value: value)
        }
    }
}
