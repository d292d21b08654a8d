/// Who verified what on an accepted connection.
public struct ServerVerification: Sendable, Equatable {
    /// Whether the server's chain was checked (`verify-ca`, `verify-full`) and OpenSSL found it
    /// good (`SSL_get_verify_result` is `X509_V_OK`).
    public var isVerified: Bool

    /// The CA file the chain was verified against; nil when it was not verified.
    public var authority: String?

    /// Whether libpq checked the host name against the certificate's names (`verify-full`).
    public var isHostNameChecked: Bool

    /// OpenSSL's verdict on the chain in its own words, such as `ok`; nil without SSL.
    ///
    /// Under `require` and `prefer` libpq has no CA, so this is the reason the chain would not
    /// verify (typically `self-signed certificate in certificate chain`).
    public var openSSLResult: String?

    /// The verdict for a connection made with `plan`, from what its TLS session shows.
    init(plan: ConnectionPlan, session: TLSSessionFacts?) {
        let verified = plan.sslMode.verifiesChain && session?.verifyCode == 0
        isVerified = verified
        authority = verified ? plan.verifiedAgainst : nil
        isHostNameChecked = verified && plan.checksHostName
        openSSLResult = session?.verifyReason
    }
}

/// The facts of one TLS session, read while libpq lends its `SSL *`.
struct TLSSessionFacts: Sendable, Equatable {
    /// The server's certificate.
    var serverCertificate: CertificateSummary?

    /// The certificate this side loaded.
    var clientCertificate: CertificateSummary?

    /// `SSL_get_verify_result`.
    var verifyCode: Int

    /// OpenSSL's text for `verifyCode`.
    var verifyReason: String
}

extension TLSSessionFacts {
    /// Reads the facts of `session`, an `SSL *` lent for the length of the call.
    init(session: OpaquePointer) {
        serverCertificate = OpenSSLSession.peerCertificate(of: session)
        clientCertificate = OpenSSLSession.ownCertificate(of: session)
        (verifyCode, verifyReason) = OpenSSLSession.verifyResult(of: session)
    }
}
