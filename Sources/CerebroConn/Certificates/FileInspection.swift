#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#endif

/// What a certificate or key file holds, as OpenSSL decodes it.
public enum FileInspection: Equatable, Sendable {
    /// One or more PEM blocks (possibly none of interest, such as only `EC PARAMETERS`).
    case pem(PEMFileContents)

    /// No PEM block, but the whole file decodes as one DER object.
    case der(DERObject)

    /// The file has no bytes, or only white space.
    case empty

    /// Neither PEM nor DER that OpenSSL recognises.
    case unrecognized

    /// Reads the file at `path` and classifies what it holds.
    public init(contentsOfFile path: String) throws(CertificateFileError) {
        let bytes = try FileBytes.read(path: path)
        self = try OpenSSLFileDecoder.decode(bytes).inspection
    }

    /// Classifies bytes already in memory.
    public init(bytes: [UInt8]) throws(CertificateFileError) {
        self = try OpenSSLFileDecoder.decode(bytes).inspection
    }
}

/// The PEM blocks of a file, in file order; `EC PARAMETERS` blocks are left out.
public struct PEMFileContents: Equatable, Sendable {
    /// Each block OpenSSL read, classified by its label and checked by decoding it.
    public var blocks: [PEMBlock]

    /// Creates contents from blocks in file order.
    public init(blocks: [PEMBlock]) {
        self.blocks = blocks
    }

    /// The number of certificate blocks that decoded.
    public var certificateCount: Int {
        blocks.count { $0 == .certificate }
    }

    /// The first private key block, plain or encrypted, as libpq would pick it.
    public var firstPrivateKey: PEMBlock? {
        blocks.first { $0.isPrivateKey }
    }
}

/// One PEM block, classified by its label (`-----BEGIN <label>-----`).
public enum PEMBlock: Equatable, Sendable {
    /// An X.509 certificate (`CERTIFICATE`, `X509 CERTIFICATE` or `TRUSTED CERTIFICATE`).
    case certificate

    /// An unencrypted private key in the given form.
    case privateKey(PrivateKeyForm)

    /// An encrypted private key: `ENCRYPTED PRIVATE KEY` (form `.pkcs8`), or a traditional key
    /// with a `Proc-Type: 4,ENCRYPTED` header (form `.pkcs1RSA`, `.sec1EC` or `.dsa`).
    case encryptedPrivateKey(PrivateKeyForm)

    /// A block with a known label whose content OpenSSL cannot decode.
    case undecodable(label: String)

    /// A block that OpenSSL cannot read at all (bad base64, a missing end line).
    case malformed(reason: String)

    /// A block with any other label, such as `PUBLIC KEY` or `CERTIFICATE REQUEST`.
    case other(label: String)

    /// Whether the block is a private key, encrypted or not.
    public var isPrivateKey: Bool {
        switch self {
        case .privateKey, .encryptedPrivateKey:
            true
        default:
            false
        }
    }

    /// The label as it appears in the file, or a description for a malformed block.
    public var label: String {
        switch self {
        case .certificate:
            "CERTIFICATE"
        case .privateKey(let form):
            form.rawValue
        case .encryptedPrivateKey(let form):
            form == .pkcs8 ? "ENCRYPTED PRIVATE KEY" : form.rawValue
        case .undecodable(let label), .other(let label):
            label
        case .malformed:
            "malformed PEM block"
        }
    }
}

/// The encoding of a private key inside its PEM block.
public enum PrivateKeyForm: String, Equatable, Sendable {
    /// PKCS#8, any algorithm: `PRIVATE KEY`.
    case pkcs8 = "PRIVATE KEY"

    /// PKCS#1, RSA only: `RSA PRIVATE KEY`.
    case pkcs1RSA = "RSA PRIVATE KEY"

    /// SEC1, elliptic curve only: `EC PRIVATE KEY`.
    case sec1EC = "EC PRIVATE KEY"

    /// OpenSSL's traditional DSA form: `DSA PRIVATE KEY`.
    case dsa = "DSA PRIVATE KEY"

    /// A short name for messages, such as `PKCS#8`.
    public var displayName: String {
        switch self {
        case .pkcs8:
            "PKCS#8"
        case .pkcs1RSA:
            "PKCS#1 RSA"
        case .sec1EC:
            "SEC1 EC"
        case .dsa:
            "traditional DSA"
        }
    }
}

/// The object a DER file holds.
public enum DERObject: Equatable, Sendable {
    /// An X.509 certificate.
    case certificate

    /// An unencrypted private key (PKCS#8 or a traditional form).
    case privateKey

    /// An encrypted PKCS#8 private key.
    case encryptedPrivateKey
}
