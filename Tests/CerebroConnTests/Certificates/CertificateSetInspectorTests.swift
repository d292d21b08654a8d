import CerebroConn
import Foundation
import Testing

@Suite struct CertificateSetInspectorTests {
    /// Field case 5: PKCS#8, PKCS#1 and SEC1 (with EC PARAMETERS) keys are all accepted.
    @Test(arguments: [TestPKI.KeyForm.rsaPKCS8, .rsaPKCS1, .ecSEC1, .ecPKCS8, .ed25519])
    func matchingSetHasNoFindings(keyForm: TestPKI.KeyForm) throws {
        let pki = try TestPKI()
        let (set, _) = try pki.makeSet(keyForm: keyForm)

        #expect(set.inspect() == [])
    }

    @Test func setWithOnlyACAHasNoFindings() throws {
        let pki = try TestPKI()
        let authority = try pki.makeAuthority()

        #expect(SetUnderTest(authority: authority.certificate).inspect() == [])
    }

    /// Field case 30.
    @Test func certificateInTheKeySlotIsNamed() throws {
        let pki = try TestPKI()
        let (set, authority) = try pki.makeSet()
        try pki.copy(authority.certificate, to: "set/client.key")

        let findings = set.inspect()

        #expect(
            findings.map(\.description) == ["client.key contains a CERTIFICATE, not a private key"]
        )
        #expect(findings.map(\.severity) == [.error])
        #expect(findings.map(\.path) == [pki.path("set/client.key")])
    }

    /// Field case 30, mismatch variant.
    @Test func keyFromAnotherPairDoesNotBelong() throws {
        let pki = try TestPKI()
        let (set, _) = try pki.makeSet()
        let key = try #require(set.key)
        try pki.makeKey("set/client.key")
        try pki.setMode(0o600, of: key)

        let findings = set.inspect()

        #expect(
            findings.map(\.description) == [
                "client.crt and client.key do not belong together (public keys differ)"
            ]
        )
        #expect(
            findings.first?.kind == .keyDoesNotMatch(certificatePath: pki.path("set/client.crt"))
        )
        #expect(findings.map(\.severity) == [.error])
    }

    /// Field case 30, chain variant: the CA comes first, and the key is the later leaf's.
    ///
    /// The order is the one finding: no claim that the pair does not belong together.
    @Test func chainWithTheCAFirstIsRefused() throws {
        let pki = try TestPKI()
        let (set, authority) = try pki.makeSet()
        let leaf = try #require(set.certificate)
        try pki.concatenate([authority.certificate, leaf], to: "set/client.crt")

        let findings = set.inspect()

        #expect(
            findings.map(\.description) == [
                "the first certificate in client.crt must be the client (leaf) certificate"
            ]
        )
    }

    /// Out of order and with a key from another pair: both faults are named.
    @Test func chainOutOfOrderWithAForeignKeyNamesBoth() throws {
        let pki = try TestPKI()
        let (set, authority) = try pki.makeSet()
        let leaf = try #require(set.certificate)
        try pki.concatenate([authority.certificate, leaf], to: "set/client.crt")
        let (other, _) = try pki.makeSet(in: "other")
        var mixed = set
        mixed.key = other.key

        #expect(
            mixed.inspect().map(\.description) == [
                "the first certificate in client.crt must be the client (leaf) certificate",
                "client.crt and client.key do not belong together (public keys differ)",
            ]
        )
    }

    @Test func chainWithAnIntermediateFirstIsRefused() throws {
        let pki = try TestPKI()
        let root = try pki.makeAuthority("set/ca")
        let intermediate = try pki.makeIntermediate(
            "intermediate",
            subject: "/O=Cerebro Test/CN=Cerebro Issuing CA",
            issuer: root
        )
        let leaf = try pki.makeLeaf("leaf", issuer: intermediate)
        let chain = try pki.concatenate(
            [intermediate.certificate, leaf.certificate],
            to: "set/client.crt"
        )

        let findings = SetUnderTest(certificate: chain, authority: root.certificate).inspect()

        #expect(
            findings.map(\.description) == [
                "the first certificate in client.crt must be the client (leaf) certificate"
            ]
        )
    }

    @Test func leafThenIntermediateVerifiesAgainstTheRoot() throws {
        let pki = try TestPKI()
        let root = try pki.makeAuthority("set/ca")
        let intermediate = try pki.makeIntermediate(
            "intermediate",
            subject: "/O=Cerebro Test/CN=Cerebro Issuing CA",
            issuer: root
        )
        let leaf = try pki.makeLeaf("leaf", issuer: intermediate)
        let chain = try pki.concatenate(
            [leaf.certificate, intermediate.certificate],
            to: "set/client.crt"
        )
        let key = try pki.copy(leaf.key, to: "set/client.key")
        try pki.setMode(0o600, of: key)

        let set = SetUnderTest(certificate: chain, key: key, authority: root.certificate)

        #expect(set.inspect() == [])
    }

    @Test func otherCAIsAWarningOnly() throws {
        let pki = try TestPKI()
        var (set, _) = try pki.makeSet()
        set.authority = try pki.makeAuthority("other/ca", subject: "/CN=Someone Else CA")
            .certificate

        let findings = set.inspect()

        #expect(
            findings.map(\.description) == [
                "client.crt is not signed by a certificate in ca.crt "
                    + "(unable to get local issuer certificate)"
            ]
        )
        #expect(findings.map(\.severity) == [.warning])
    }

    @Test func missingEmptyAndKeylessFilesAreNamed() throws {
        let pki = try TestPKI()
        let missing = SetUnderTest(key: pki.path("a/client.key"))
        let empty = SetUnderTest(key: try pki.write("", to: "b/client.key"))
        let parametersOnly = try pki.makeKey("c/client.key", .ecSEC1)
        try pki.openssl("ecparam", "-name", "prime256v1", "-out", parametersOnly)
        try pki.setMode(0o600, of: parametersOnly)
        try pki.setMode(0o600, of: pki.path("b/client.key"))

        #expect(missing.inspect().map(\.description) == ["client.key does not exist"])
        #expect(empty.inspect().map(\.description) == ["client.key is empty"])
        #expect(
            SetUnderTest(key: parametersOnly).inspect().map(\.description) == [
                "client.key holds no private key"
            ]
        )
    }

    @Test func folderInTheKeySlotIsNotARegularFile() throws {
        let pki = try TestPKI()
        let folder = pki.path("client.key")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)

        let findings = SetUnderTest(key: folder).inspect()

        #expect(findings.map(\.description) == ["client.key is not a regular file"])
    }

    @Test func keyInTheCASlotIsNamed() throws {
        let pki = try TestPKI()
        let authority = try pki.makeAuthority()
        let slot = try pki.copy(authority.key, to: "set/ca.crt")

        let findings = SetUnderTest(authority: slot).inspect()

        #expect(findings.map(\.description) == ["ca.crt contains a PRIVATE KEY, not a certificate"])
        #expect(findings.first?.hint == "put the PEM certificate in ca.crt")
    }

    @Test func derKeyIsAWarningWithTheConversionCommand() throws {
        let pki = try TestPKI()
        var (set, _) = try pki.makeSet()
        let pemKey = try #require(set.key)
        let derKey = try pki.derKey(pemKey, to: "der/client.key")
        try pki.setMode(0o600, of: derKey)
        set.key = derKey

        let findings = set.inspect()

        #expect(
            findings.map(\.description) == [
                "client.key is a DER key; libpq reads it, but the set's files should be PEM"
            ]
        )
        #expect(findings.map(\.severity) == [.warning])
        #expect(
            findings.first?.hint
                == "convert it with `openssl pkey -inform DER -in \(derKey) -out \(derKey).pem`, "
                + "then use the new file as client.key"
        )
    }

    @Test func derCertificateIsAnError() throws {
        let pki = try TestPKI()
        var (set, _) = try pki.makeSet()
        let pemCertificate = try #require(set.certificate)
        set.certificate = try pki.derCertificate(pemCertificate, to: "der/client.crt")

        let findings = set.inspect()

        #expect(
            findings.map(\.description) == [
                "client.crt is a DER certificate; libpq reads certificates only in PEM"
            ]
        )
        #expect(findings.map(\.severity) == [.error])
    }

    @Test func hintsQuotePathsForTheShell() {
        let finding = Finding(path: "/tmp/it's here/client.key", kind: .derEncoded(.privateKey))

        #expect(
            finding.hint
                == "convert it with `openssl pkey -inform DER -in '/tmp/it'\\''s here/client.key' "
                + "-out '/tmp/it'\\''s here/client.key.pem'`, then use the new file as client.key"
        )
    }

    /// A certificate for servers only is refused by the server's OpenSSL ('unsupported
    /// certificate'); no extended key usage at all allows every use.
    @Test func aLeafWithoutClientAuthIsAnError() throws {
        let pki = try TestPKI()
        let authority = try pki.makeAuthority("set/ca")
        let serverOnly = try pki.makeLeaf(
            "set/client",
            issuer: authority,
            extendedKeyUsage: "serverAuth"
        )
        try pki.setMode(0o600, of: serverOnly.key)
        let set = SetUnderTest(
            certificate: serverOnly.certificate,
            key: serverOnly.key,
            authority: authority.certificate
        )

        let findings = set.inspect()

        #expect(
            findings.map(\.description) == [
                "client.crt is not for client authentication: its extended key usage leaves out "
                    + "clientAuth"
            ]
        )
        #expect(findings.map(\.severity) == [.error])
        #expect(try pki.makeSet(in: "both").set.inspect() == [])
    }

    /// A DSA key cannot sign in TLS 1.3: a warning, since a TLS 1.2 server could still take it.
    @Test func aDSAKeyIsAWarning() throws {
        let pki = try TestPKI()
        let (set, _) = try pki.makeSet(keyForm: .dsa)

        let findings = set.inspect()

        #expect(
            findings.map(\.description) == [
                "client.crt holds a DSA key, which TLS 1.3 cannot sign with: over TLS 1.3 no "
                    + "client certificate is sent"
            ]
        )
        #expect(findings.map(\.severity) == [.warning])
    }
}
