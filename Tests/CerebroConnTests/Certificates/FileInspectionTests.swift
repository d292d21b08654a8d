import CerebroConn
import Foundation
import Testing

/// One kind of file to classify, made fresh for each test run.
enum SampleFile: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case rsaPKCS8Key
    case rsaPKCS1Key
    case ecPKCS8Key
    case ecSEC1KeyWithParameters
    case ecSEC1KeyAlone
    case keyWithBytesAfterItsDER
    case sec1KeyLabelledPKCS8
    case pkcs8KeyLabelledSEC1
    case ed25519Key
    case encryptedPKCS8Key
    case encryptedPKCS1Key
    case derKey
    case encryptedDERKey
    case certificate
    case derCertificate
    case chainWithCAFirst
    case certificateThenKey
    case publicKey
    case emptyFile
    case whiteSpaceOnly
    case plainText
    case damagedBase64
    case certificateLabelOverGarbage

    var testDescription: String { rawValue }

    /// Makes the file in `pki` and returns its path.
    func make(in pki: TestPKI) throws -> String {
        switch self {
        case .rsaPKCS8Key: return try pki.makeKey("k.key", .rsaPKCS8)
        case .rsaPKCS1Key: return try pki.makeKey("k.key", .rsaPKCS1)
        case .ecPKCS8Key: return try pki.makeKey("k.key", .ecPKCS8)
        case .ecSEC1KeyWithParameters: return try pki.makeKey("k.key", .ecSEC1)
        case .ecSEC1KeyAlone:
            let source = try pki.makeKey("plain.key", .ecSEC1)
            return try pki.relabelKey(source, to: "k.key", label: "EC PRIVATE KEY", sec1: true)
        case .keyWithBytesAfterItsDER:
            let source = try pki.makeKey("plain.key")
            return try pki.relabelKey(
                source,
                to: "k.key",
                label: "PRIVATE KEY",
                extraBytes: [0x05, 0x00]
            )
        case .sec1KeyLabelledPKCS8:
            let source = try pki.makeKey("plain.key", .ecSEC1)
            return try pki.relabelKey(source, to: "k.key", label: "PRIVATE KEY", sec1: true)
        case .pkcs8KeyLabelledSEC1:
            let source = try pki.makeKey("plain.key")
            return try pki.relabelKey(source, to: "k.key", label: "EC PRIVATE KEY")
        case .ed25519Key: return try pki.makeKey("k.key", .ed25519)
        case .encryptedPKCS8Key:
            return try pki.encryptKey(pki.makeKey("plain.key"), to: "k.key", passphrase: "pw")
        case .encryptedPKCS1Key:
            let plain = try pki.makeKey("plain.key", .rsaPKCS1)
            return try pki.encryptKey(plain, to: "k.key", passphrase: "pw", traditional: true)
        case .derKey: return try pki.derKey(pki.makeKey("plain.key"), to: "k.der")
        case .encryptedDERKey:
            return try pki.derKey(pki.makeKey("plain.key"), to: "k.der", passphrase: "pw")
        case .certificate: return try pki.makeAuthority().certificate
        case .derCertificate:
            return try pki.derCertificate(pki.makeAuthority().certificate, to: "c.der")
        case .chainWithCAFirst:
            let authority = try pki.makeAuthority()
            let leaf = try pki.makeLeaf(issuer: authority)
            return try pki.concatenate([authority.certificate, leaf.certificate], to: "chain.crt")
        case .certificateThenKey:
            let authority = try pki.makeAuthority()
            return try pki.concatenate([authority.certificate, authority.key], to: "both.pem")
        case .publicKey:
            let out = pki.path("k.pub")
            try pki.openssl("pkey", "-in", pki.makeKey("plain.key"), "-pubout", "-out", out)
            return out
        case .emptyFile: return try pki.write("", to: "empty")
        case .whiteSpaceOnly: return try pki.write(" \n\t\n", to: "blank")
        case .plainText: return try pki.write("host=db.example.test\n", to: "text")
        case .damagedBase64:
            return try pki.write(
                "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n",
                to: "bad"
            )
        case .certificateLabelOverGarbage:
            return try pki.write(
                "-----BEGIN CERTIFICATE-----\nAAECAwQF\n-----END CERTIFICATE-----\n",
                to: "bad"
            )
        }
    }

    /// What `FileInspection` must say about the file.
    var expected: FileInspection {
        switch self {
        case .rsaPKCS8Key, .ecPKCS8Key, .ed25519Key, .sec1KeyLabelledPKCS8:
            .pem(PEMFileContents(blocks: [.privateKey(.pkcs8)]))
        case .rsaPKCS1Key: .pem(PEMFileContents(blocks: [.privateKey(.pkcs1RSA)]))
        case .ecSEC1KeyWithParameters, .ecSEC1KeyAlone, .pkcs8KeyLabelledSEC1:
            .pem(PEMFileContents(blocks: [.privateKey(.sec1EC)]))
        case .keyWithBytesAfterItsDER:
            .pem(PEMFileContents(blocks: [.undecodable(label: "PRIVATE KEY")]))
        case .encryptedPKCS8Key: .pem(PEMFileContents(blocks: [.encryptedPrivateKey(.pkcs8)]))
        case .encryptedPKCS1Key: .pem(PEMFileContents(blocks: [.encryptedPrivateKey(.pkcs1RSA)]))
        case .derKey: .der(.privateKey)
        case .encryptedDERKey: .der(.encryptedPrivateKey)
        case .certificate: .pem(PEMFileContents(blocks: [.certificate]))
        case .derCertificate: .der(.certificate)
        case .chainWithCAFirst: .pem(PEMFileContents(blocks: [.certificate, .certificate]))
        case .certificateThenKey:
            .pem(PEMFileContents(blocks: [.certificate, .privateKey(.pkcs8)]))
        case .publicKey: .pem(PEMFileContents(blocks: [.other(label: "PUBLIC KEY")]))
        case .emptyFile, .whiteSpaceOnly: .empty
        case .plainText: .unrecognized
        case .damagedBase64:
            .pem(PEMFileContents(blocks: [.malformed(reason: "bad base64 decode")]))
        case .certificateLabelOverGarbage:
            .pem(PEMFileContents(blocks: [.undecodable(label: "CERTIFICATE")]))
        }
    }
}

@Suite struct FileInspectionTests {
    @Test(arguments: SampleFile.allCases)
    func classifiesEachKindOfFile(_ sample: SampleFile) throws {
        let pki = try TestPKI()
        let path = try sample.make(in: pki)

        let inspection = try FileInspection(contentsOfFile: path)

        #expect(inspection == sample.expected)
    }

    @Test func countsCertificatesAndFindsTheFirstKey() throws {
        let pki = try TestPKI()
        let path = try SampleFile.certificateThenKey.make(in: pki)

        guard case .pem(let contents) = try FileInspection(contentsOfFile: path) else {
            Issue.record("expected PEM")
            return
        }

        #expect(contents.certificateCount == 1)
        #expect(contents.firstPrivateKey == .privateKey(.pkcs8))
    }

    @Test func missingFileIsFileNotFound() throws {
        let pki = try TestPKI()
        let path = pki.path("nothing-here.crt")

        #expect(throws: CertificateFileError.fileNotFound(path: path)) {
            try FileInspection(contentsOfFile: path)
        }
    }

    @Test func folderIsUnreadable() throws {
        let pki = try TestPKI()

        #expect(
            throws: CertificateFileError.unreadableFile(
                path: pki.folder,
                reason: "it is a directory"
            )
        ) {
            try FileInspection(contentsOfFile: pki.folder)
        }
    }
}
