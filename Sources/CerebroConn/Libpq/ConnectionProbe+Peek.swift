extension ConnectionProbe {
    /// The longest a peek waits for each address, in seconds, whatever the preset allows.
    static let peekTimeout = 5

    /// Reads the server's certificate with a second, short connection that stops once TLS is
    /// up, and verifies the chain it sent against the plan's CA file; nil when the server
    /// cannot be reached or does not complete a TLS handshake.
    ///
    /// Used after a failure that the server's certificate explains: a host name it does not
    /// carry, or a chain that did not verify. The peek uses `sslmode=require`, sends no client
    /// certificate and trusts no CA, so the handshake succeeds whatever the chain; it ends
    /// before the startup packet, so the server authenticates nobody. The connection is
    /// finished at once. The chain is verified here, at the current time, because libpq says
    /// only `certificate verify failed` whether the CA differs or a date is out of range.
    public static func peekServerCertificate(
        _ plan: ConnectionPlan,
        host: String
    ) -> ServerCertificatePeek? {
        let parameters = peekParameters(plan, host: host)
        let timeout = min(plan.preset.connectTimeout, peekTimeout)
        let attempt = LibpqConnection.connect(parameters, timeout: timeout, goal: .encrypted)
        guard case .success(let connection) = attempt else {
            return nil
        }
        let authority = plan.verifiedAgainst
        return connection.withSSLObject {
            ServerChainVerification.peek(of: $0, authorityFile: authority)
        } ?? nil
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
