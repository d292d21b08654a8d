import Foundation

/// A throwaway PKI made with the `openssl` command in a unique temporary folder.
///
/// Files are named by paths relative to the folder (`expired/client.crt`); parent folders are
/// made on demand. Every certificate is issued with `openssl ca`, so validity windows in the
/// past or the future work on OpenSSL 3.0. The folder is removed when the value is released.
final class TestPKI {
    /// The temporary folder that holds every file.
    let folder: String

    private var nextSerial = 0x1000

    /// Creates the folder and the `openssl ca` bookkeeping files.
    init() throws {
        let name = "cerebro-conn-pki-\(UUID().uuidString)"
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try write(Self.configuration, to: "openssl.cnf")
        try write("", to: "index.txt")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The absolute path of `name`, after making its parent folder.
    func path(_ name: String) -> String {
        let path = folder + "/" + name
        let parent = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        return path
    }

    /// Writes `text` to `name` and returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        try write(Data(text.utf8), to: name)
    }

    /// Writes `data` to `name` and returns its path.
    @discardableResult
    func write(_ data: Data, to name: String) throws -> String {
        let path = path(name)
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A new serial number for `openssl ca`.
    func takeSerial() -> Int {
        defer { nextSerial += 1 }
        return nextSerial
    }

    /// Sets the permission bits of `path`.
    func setMode(_ mode: Int, of path: String) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    /// Gives `path` to another owner; needs root.
    func setOwner(_ userID: UInt32, of path: String) throws {
        try FileManager.default.setAttributes([.ownerAccountID: userID], ofItemAtPath: path)
    }

    // MARK: - Keys

    /// The forms of private key the tests need.
    enum KeyForm {
        /// `-----BEGIN PRIVATE KEY-----`, RSA 2048.
        case rsaPKCS8
        /// `-----BEGIN RSA PRIVATE KEY-----`, RSA 2048.
        case rsaPKCS1
        /// `-----BEGIN EC PARAMETERS-----` then `-----BEGIN EC PRIVATE KEY-----`, P-256.
        case ecSEC1
        /// `-----BEGIN PRIVATE KEY-----`, P-256.
        case ecPKCS8
        /// `-----BEGIN PRIVATE KEY-----`, Ed25519.
        case ed25519
        /// `-----BEGIN PRIVATE KEY-----`, DSA 1024 (small, so its parameters come quickly).
        case dsa
    }

    /// Makes a new private key at `name` and returns its path.
    @discardableResult
    func makeKey(_ name: String, _ form: KeyForm = .ecPKCS8) throws -> String {
        let out = path(name)
        switch form {
        case .rsaPKCS8:
            try openssl(
                "genpkey",
                "-algorithm",
                "RSA",
                "-pkeyopt",
                "rsa_keygen_bits:2048",
                "-out",
                out
            )
        case .rsaPKCS1:
            try openssl("genrsa", "-traditional", "-out", out, "2048")
        case .ecSEC1:
            try openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", out)
        case .ecPKCS8:
            try openssl(
                "genpkey",
                "-algorithm",
                "EC",
                "-pkeyopt",
                "ec_paramgen_curve:P-256",
                "-out",
                out
            )
        case .ed25519:
            try openssl("genpkey", "-algorithm", "ed25519", "-out", out)
        case .dsa:
            let parameters = out + ".parameters"
            try openssl(
                "genpkey",
                "-genparam",
                "-algorithm",
                "DSA",
                "-pkeyopt",
                "dsa_paramgen_bits:1024",
                "-out",
                parameters
            )
            try openssl("genpkey", "-paramfile", parameters, "-out", out)
        }
        return out
    }

    /// Writes an encrypted copy of the key at `source`; `name` may be the source itself.
    ///
    /// The copy is PKCS#8, or PKCS#1 with a `Proc-Type` header when `traditional`.
    @discardableResult
    func encryptKey(
        _ source: String,
        to name: String,
        passphrase: String,
        traditional: Bool = false
    ) throws -> String {
        // openssl truncates its output before reading its input, so write beside it first.
        let out = path(name)
        let scratch = out + ".new"
        let command = traditional ? ["rsa", "-traditional"] : ["pkey"]
        try openssl(
            command + ["-in", source, "-aes256", "-passout", "pass:" + passphrase, "-out", scratch]
        )
        if FileManager.default.fileExists(atPath: out) {
            try FileManager.default.removeItem(atPath: out)
        }
        try FileManager.default.moveItem(atPath: scratch, toPath: out)
        return out
    }

    /// Writes a DER copy of the key at `source`, encrypted with `passphrase` when given.
    @discardableResult
    func derKey(_ source: String, to name: String, passphrase: String? = nil) throws -> String {
        let out = path(name)
        if let passphrase {
            try openssl(
                "pkcs8",
                "-topk8",
                "-in",
                source,
                "-outform",
                "DER",
                "-v2",
                "aes256",
                "-passout",
                "pass:" + passphrase,
                "-out",
                out
            )
        } else {
            try openssl("pkey", "-in", source, "-outform", "DER", "-out", out)
        }
        return out
    }

    /// Writes the key at `source` as one PEM block with any `label`, over its PKCS#8 DER
    /// (or its SEC1 DER when `sec1`), with `extraBytes` appended to the DER.
    ///
    /// For files whose label and contents disagree, which OpenSSL's tools never write.
    @discardableResult
    func relabelKey(
        _ source: String,
        to name: String,
        label: String,
        sec1: Bool = false,
        extraBytes: [UInt8] = []
    ) throws -> String {
        let der = path(name + ".der")
        if sec1 {
            try openssl("ec", "-in", source, "-outform", "DER", "-out", der)
        } else {
            try openssl(
                "pkcs8",
                "-topk8",
                "-nocrypt",
                "-in",
                source,
                "-outform",
                "DER",
                "-out",
                der
            )
        }

        let bytes = try Data(contentsOf: URL(fileURLWithPath: der)) + Data(extraBytes)
        let base64 = bytes.base64EncodedString(options: [
            .lineLength64Characters, .endLineWithLineFeed,
        ])
        return try write("-----BEGIN \(label)-----\n\(base64)\n-----END \(label)-----\n", to: name)
    }

    /// Writes a DER copy of the certificate at `source`.
    @discardableResult
    func derCertificate(_ source: String, to name: String) throws -> String {
        let out = path(name)
        try openssl("x509", "-in", source, "-outform", "DER", "-out", out)
        return out
    }

    /// Concatenates files into `name`, in order.
    @discardableResult
    func concatenate(_ sources: [String], to name: String) throws -> String {
        var data = Data()
        for source in sources {
            data += try Data(contentsOf: URL(fileURLWithPath: source))
        }
        return try write(data, to: name)
    }

    /// Copies a file to `name`.
    @discardableResult
    func copy(_ source: String, to name: String) throws -> String {
        try concatenate([source], to: name)
    }
}
