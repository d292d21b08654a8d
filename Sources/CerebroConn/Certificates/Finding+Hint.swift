// How to fix each finding. Hints never suggest loosening libpq's rules or changing the
// user's files in place: the fix is always a new, correct file.

extension Finding {
    /// How to fix what the finding reports, as a lowercase fragment; nil when nothing is to do.
    public var hint: String? {
        let name = fileName(of: path)
        switch kind {
        case .fileMissing:
            return "check the path, or put the file in the certificate folder"
        case .notARegularFile:
            return "point to the file itself, not a folder or a device"
        case .fileUnreadable:
            return "make \(name) readable by the user who connects"
        case .keyPermissionsTooOpen:
            return "copy the key to a 0600 file you own"
        case .fileEmpty, .contentsUnrecognized, .malformedPEM, .undecodableBlock, .keyUndecodable:
            return "replace \(name) with a good copy of the PEM file"
        case .derEncoded(let object):
            return conversionHint(for: object, name: name)
        case .keyMissing:
            return "put the private key that belongs to the client certificate in \(name)"
        case .certificateMissing:
            return "put the PEM certificate in \(name)"
        case .keyEncrypted:
            return "supply the passphrase (sslpassword) when connecting"
        case .wrongPassphrase:
            return "check the passphrase"
        case .leafNotFirst:
            return "reorder \(name): the client certificate first, then its intermediates"
        case .notForClientAuthentication:
            return "ask your CA for a client certificate whose extended key usage includes "
                + "clientAuth"
        case .keyUnusableWithTLS13:
            return "ask your CA for a client certificate with an RSA or EC key"
        case .expired, .expiresSoon:
            return "ask your CA for a new client certificate"
        case .notYetValid, .otherCertificateNotYetValid:
            return "check the system clock, or wait until the certificate becomes valid"
        case .otherCertificateExpired, .otherCertificateExpiresSoon:
            return "get a current copy of \(name) from whoever runs the CA"
        case .keyDoesNotMatch:
            return "use the key made together with the certificate's request, "
                + "or the certificate issued for this key"
        case .notSignedByAuthority(let authorityPath, _):
            return "fine if the server trusts another CA for client certificates; otherwise get "
                + "a client certificate signed by the CA in \(fileName(of: authorityPath))"
        case .keyDecrypted, .inspectionFailed:
            return nil
        }
    }

    private func conversionHint(for object: DERObject, name: String) -> String {
        let source = Self.shellQuoted(path)
        let target = Self.shellQuoted(path + ".pem")
        let command =
            switch object {
            case .certificate:
                "openssl x509 -inform DER -in \(source) -out \(target)"
            case .privateKey:
                "openssl pkey -inform DER -in \(source) -out \(target)"
            case .encryptedPrivateKey:
                "openssl pkey -inform DER -in \(source) -out \(target) -aes256"
            }
        return "convert it with `\(command)`, then use the new file as \(name)"
    }

    /// A path quoted for a POSIX shell when it holds anything but plain path characters.
    static func shellQuoted(_ path: String) -> String {
        let plain = path.unicodeScalars.allSatisfy {
            $0.isASCII
                && ($0.properties.isAlphabetic
                    || "0123456789/._-+,:@%=".unicodeScalars.contains($0))
        }
        if plain, !path.isEmpty {
            return path
        }
        return "'" + path.replacing("'", with: "'\\''") + "'"
    }
}
