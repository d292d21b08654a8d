import Foundation

/// Makes client keys and certificates signed by the fixture's CA, in a folder of its own.
///
/// Signing uses `openssl ca` with a configuration and a database inside `folder`, so that
/// tests running at once never share a file, and so that validity windows in the past or the
/// future can be set. The CA certificate and key are the fixture's (`$CEREBRO_TEST_PG_PKI`).
struct FixtureAuthority {
    /// Where every file is made.
    let folder: String
    /// The CA that signs: the fixture's, unless another is given.
    let authorityCertificate: String
    let authorityKey: String

    init(server: LiveServer, folder: String) throws {
        try self.init(
            folder: folder,
            certificate: server.pki + "/ca.crt",
            key: server.pki + "/ca.key"
        )
    }

    init(folder: String, certificate: String, key: String) throws {
        self.folder = folder
        authorityCertificate = certificate
        authorityKey = key
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(Self.configuration.utf8).write(to: URL(fileURLWithPath: folder + "/ca.cnf"))
        _ = FileManager.default.createFile(atPath: folder + "/index.txt", contents: Data())
    }

    /// The forms of private key the tests need.
    enum KeyForm {
        case rsaPKCS8
        case rsaPKCS1
        case ecSEC1
        case ecPKCS8
    }

    /// Makes a new key at `path` (parents made) with mode 0600.
    func makeKey(_ path: String, _ form: KeyForm = .ecPKCS8) throws {
        try makeParent(of: path)
        switch form {
        case .rsaPKCS8:
            try openssl(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"], path)
        case .rsaPKCS1:
            try openssl(["genrsa", "-traditional", "-out", path, "2048"])
        case .ecSEC1:
            try openssl(["ecparam", "-name", "prime256v1", "-genkey", "-out", path])
        case .ecPKCS8:
            try openssl(
                ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
                path
            )
        }
        try setMode(0o600, path)
    }

    /// Signs a certificate for the key at `key` into `path`.
    ///
    /// - Parameters:
    ///   - validity: `openssl ca` times (`YYMMDDHHMMSSZ`); nil for a year from yesterday.
    ///   - isAuthority: whether to issue a CA certificate (`CA:TRUE`) instead of a client one.
    func sign(
        _ path: String,
        key: String,
        subject: String = "/CN=cerebro_user",
        validity: (String, String)? = nil,
        isAuthority: Bool = false
    ) throws {
        let request = folder + "/\(UUID().uuidString).csr"
        try openssl([
            "req", "-new", "-config", folder + "/ca.cnf", "-key", key, "-subj", subject, "-out",
            request,
        ])
        let (start, end) = validity ?? Self.window(fromDays: -1, toDays: 365)
        try openssl([
            "ca", "-batch", "-notext", "-config", folder + "/ca.cnf",
            "-extensions", isAuthority ? "v3_ca" : "v3_client",
            "-cert", authorityCertificate, "-keyfile", authorityKey,
            "-startdate", start, "-enddate", end, "-in", request, "-out", path,
        ])
    }

    /// Makes a self-signed CA certificate for the key at `key` into `path`.
    func selfSign(_ path: String, key: String, subject: String, validity: (String, String)) throws {
        let request = folder + "/\(UUID().uuidString).csr"
        try openssl([
            "req", "-new", "-config", folder + "/ca.cnf", "-key", key, "-subj", subject, "-out",
            request,
        ])
        try openssl([
            "ca", "-batch", "-notext", "-selfsign", "-config", folder + "/ca.cnf", "-extensions",
            "v3_ca",
            "-keyfile", key, "-startdate", validity.0, "-enddate", validity.1, "-in", request,
            "-out", path,
        ])
    }

    /// Makes a key and a certificate for it: `client.crt` and `client.key` in `setFolder`, with
    /// the fixture's CA as `ca.crt`.
    func makeSet(
        in setFolder: String,
        keyForm: KeyForm = .ecPKCS8,
        subject: String = "/CN=cerebro_user",
        validity: (String, String)? = nil,
        authority: String? = nil
    ) throws {
        try makeKey(setFolder + "/client.key", keyForm)
        try sign(
            setFolder + "/client.crt",
            key: setFolder + "/client.key",
            subject: subject,
            validity: validity
        )
        try FileManager.default.copyItem(
            atPath: authority ?? authorityCertificate,
            toPath: setFolder + "/ca.crt"
        )
    }

    /// `openssl ca` times for a window from `start` to `end` days from now.
    static func window(fromDays start: Int, toDays end: Int) -> (String, String) {
        (
            time(Date().addingTimeInterval(Double(start) * 86_400)),
            time(Date().addingTimeInterval(Double(end) * 86_400))
        )
    }

    /// `YYYYMMDDHHMMSSZ` in UTC.
    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss"
        return formatter.string(from: date) + "Z"
    }

    func setMode(_ mode: Int, _ path: String) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    func makeParent(of path: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    }

    /// Runs `openssl genpkey … -out path`.
    private func openssl(_ arguments: [String], _ out: String) throws {
        try openssl(arguments + ["-out", out])
    }

    /// Runs `openssl` in `folder` with no input; throws with its stderr when it fails.
    func openssl(_ arguments: [String]) throws {
        try Self.run("/usr/bin/openssl", arguments, in: folder)
    }

    /// Runs a program; throws with its stderr when it fails.
    static func run(_ program: String, _ arguments: [String], in folder: String = "/") throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandError(
                command: ([program] + arguments).joined(separator: " "),
                message: String(decoding: message, as: UTF8.self)
            )
        }
    }

    static let configuration = """
        [req]
        distinguished_name = dn
        [dn]
        [ca]
        default_ca = test_ca
        [test_ca]
        database = index.txt
        new_certs_dir = .
        rand_serial = yes
        default_md = sha256
        policy = any_policy
        unique_subject = no
        [any_policy]
        commonName = supplied
        organizationalUnitName = optional
        [v3_ca]
        basicConstraints = critical, CA:TRUE
        keyUsage = critical, keyCertSign, cRLSign
        subjectKeyIdentifier = hash
        [v3_client]
        basicConstraints = critical, CA:FALSE
        keyUsage = critical, digitalSignature, keyEncipherment
        extendedKeyUsage = clientAuth

        """
}

/// A helper command that failed while making test files.
struct CommandError: Error, CustomStringConvertible {
    var command: String
    var message: String

    var description: String {
        "\(command) failed: \(message)"
    }
}
