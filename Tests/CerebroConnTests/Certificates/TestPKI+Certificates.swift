import Foundation

/// A validity window in the time format of `openssl ca -startdate/-enddate`.
struct Validity {
    /// `YYMMDDHHMMSSZ` or `YYYYMMDDHHMMSSZ`.
    var notBefore: String

    /// Same format as `notBefore`.
    var notAfter: String

    /// From `start` to `end`, to the second.
    init(from start: Date, to end: Date) {
        notBefore = Self.openSSLTime(start)
        notAfter = Self.openSSLTime(end)
    }

    /// From raw `openssl ca` time strings.
    init(notBefore: String, notAfter: String) {
        self.notBefore = notBefore
        self.notAfter = notAfter
    }

    /// From a day before `now` to `days` days after it.
    static func current(days: Int = 365, now: Date = Date()) -> Validity {
        Validity(
            from: now.addingTimeInterval(-86_400),
            to: now.addingTimeInterval(Double(days) * 86_400)
        )
    }

    /// Field case 28: 1970-01-19T10:10:09Z to 1970-01-19T18:55:45Z.
    static let januaryNineteenSeventy = Validity(
        notBefore: "700119101009Z",
        notAfter: "700119185545Z"
    )

    /// `YYYYMMDDHHMMSSZ` in UTC.
    static func openSSLTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss"
        return formatter.string(from: date) + "Z"
    }
}

/// A CA made by `TestPKI`: its certificate and key.
struct TestAuthority {
    /// The CA certificate's path.
    let certificate: String

    /// The CA key's path.
    let key: String
}

/// A certificate and its key made by `TestPKI`.
struct TestPair {
    /// The certificate's path.
    let certificate: String

    /// The key's path.
    let key: String
}

extension TestPKI {
    /// Makes a self-signed CA (`CA:TRUE`) with an EC key: `<name>.crt` and `<name>.key`.
    func makeAuthority(
        _ name: String = "ca",
        subject: String = "/O=Cerebro Test/CN=Cerebro Test CA",
        validity: Validity = .current(days: 3650)
    ) throws -> TestAuthority {
        let key = try makeKey(name + ".key")
        let request = try makeRequest(name + ".csr", subject: subject, key: key)
        let certificate = path(name + ".crt")
        try issue(
            request,
            to: certificate,
            issuer: nil,
            signingKey: key,
            validity: validity,
            extensions: Self.authorityExtensions
        )
        return TestAuthority(certificate: certificate, key: key)
    }

    /// Makes an intermediate CA signed by `issuer`.
    func makeIntermediate(_ name: String, subject: String, issuer: TestAuthority) throws
        -> TestAuthority
    {
        let key = try makeKey(name + ".key")
        let request = try makeRequest(name + ".csr", subject: subject, key: key)
        let certificate = path(name + ".crt")
        try issue(
            request,
            to: certificate,
            issuer: issuer,
            signingKey: issuer.key,
            validity: .current(),
            extensions: Self.authorityExtensions
        )
        return TestAuthority(certificate: certificate, key: key)
    }

    /// Issues a client (leaf) certificate `<name>.crt` for a new key `<name>.key` of `form`.
    @discardableResult
    func makeLeaf(
        _ name: String = "client",
        subject: String = "/O=Cerebro Test/CN=cerebro_user",
        keyForm: KeyForm = .ecPKCS8,
        issuer: TestAuthority,
        validity: Validity = .current(),
        serial: String? = nil,
        alternativeNames: [String] = [],
        extendedKeyUsage: String = "clientAuth"
    ) throws -> TestPair {
        let key = try makeKey(name + ".key", keyForm)
        let certificate = try issueLeaf(
            name + ".crt",
            subject: subject,
            key: key,
            issuer: issuer,
            validity: validity,
            serial: serial,
            alternativeNames: alternativeNames,
            extendedKeyUsage: extendedKeyUsage
        )
        return TestPair(certificate: certificate, key: key)
    }

    /// Issues a client certificate at `name` for the existing key at `key`.
    @discardableResult
    func issueLeaf(
        _ name: String,
        subject: String = "/O=Cerebro Test/CN=cerebro_user",
        key: String,
        issuer: TestAuthority,
        validity: Validity = .current(),
        serial: String? = nil,
        alternativeNames: [String] = [],
        extendedKeyUsage: String = "clientAuth"
    ) throws -> String {
        let request = try makeRequest(name + ".csr", subject: subject, key: key)
        var extensions = Self.leafExtensions + "extendedKeyUsage = \(extendedKeyUsage)\n"
        if !alternativeNames.isEmpty {
            extensions += "subjectAltName = " + alternativeNames.joined(separator: ", ") + "\n"
        }
        let certificate = path(name)
        try issue(
            request,
            to: certificate,
            issuer: issuer,
            signingKey: issuer.key,
            validity: validity,
            extensions: extensions,
            serial: serial
        )
        return certificate
    }

    // MARK: - openssl

    private func makeRequest(_ name: String, subject: String, key: String) throws -> String {
        let out = path(name)
        try openssl(
            "req",
            "-config",
            path("openssl.cnf"),
            "-new",
            "-utf8",
            "-key",
            key,
            "-subj",
            subject,
            "-out",
            out
        )
        return out
    }

    private func issue(
        _ request: String,
        to certificate: String,
        issuer: TestAuthority?,
        signingKey: String,
        validity: Validity,
        extensions: String,
        serial: String? = nil
    ) throws {
        try write(serial ?? String(takeSerial(), radix: 16), to: "serial")
        let extensionFile = try write("[ext]\n" + extensions, to: "ext-\(UUID().uuidString).cnf")
        var arguments = [
            "ca", "-batch", "-config", path("openssl.cnf"), "-in", request, "-out", certificate,
            "-keyfile", signingKey, "-startdate", validity.notBefore, "-enddate", validity.notAfter,
            "-extfile", extensionFile, "-extensions", "ext", "-notext", "-preserveDN", "-utf8",
        ]
        arguments += issuer.map { ["-cert", $0.certificate] } ?? ["-selfsign"]
        try openssl(arguments)
    }

    /// Runs `openssl` with stdin from /dev/null; throws with its stderr when it fails.
    func openssl(_ arguments: String...) throws {
        try openssl(arguments)
    }

    /// Runs `openssl` with stdin from /dev/null; throws with its stderr when it fails.
    func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors

        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestPKIError.opensslFailed(
                arguments: arguments,
                message: String(decoding: message, as: UTF8.self)
            )
        }
    }

    /// The `openssl.cnf` for `req` and `ca`: no prompts, any subject, a database in the folder.
    static let configuration = """
        [req]
        distinguished_name = dn
        prompt = no
        [dn]
        CN = unused
        [ca]
        default_ca = test_ca
        [test_ca]
        database = index.txt
        new_certs_dir = .
        serial = serial
        default_md = sha256
        policy = policy_any
        unique_subject = no
        email_in_dn = no
        [policy_any]
        commonName = optional

        """

    private static let authorityExtensions = """
        basicConstraints = critical, CA:TRUE
        keyUsage = critical, keyCertSign, cRLSign
        subjectKeyIdentifier = hash

        """

    private static let leafExtensions = """
        basicConstraints = critical, CA:FALSE
        keyUsage = critical, digitalSignature, keyEncipherment

        """
}

/// A failure of the `openssl` command while making test files.
enum TestPKIError: Error, CustomStringConvertible {
    case opensslFailed(arguments: [String], message: String)

    var description: String {
        switch self {
        case .opensslFailed(let arguments, let message):
            "openssl \(arguments.joined(separator: " ")) failed: \(message)"
        }
    }
}
