internal import CCerebroCrypto
internal import COpenSSL

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#endif

extension OpenSSLCertificate {
    /// Whether basic constraints say `CA:TRUE`.
    var isCertificateAuthority: Bool {
        withHandle { X509_get_extension_flags($0) & UInt32(EXFLAG_CA) != 0 }
    }

    /// Decodes the fields of a summary; nil when OpenSSL cannot render a required field.
    func summary() -> CertificateSummary? {
        withHandle { handle in
            guard let subjectName = X509_get_subject_name(handle),
                let issuerName = X509_get_issuer_name(handle),
                let subject = X509Fields.oneLine(subjectName),
                let issuer = X509Fields.oneLine(issuerName),
                let serialNumber = X509Fields.serialNumber(of: handle),
                let notBefore = X509Fields.date(X509_get0_notBefore(handle)),
                let notAfter = X509Fields.date(X509_get0_notAfter(handle)),
                let publicKey = X509_get0_pubkey(handle).map(PublicKeyDescription.init(key:))
            else {
                return nil
            }

            return CertificateSummary(
                subject: subject,
                issuer: issuer,
                commonName: X509Fields.entries(of: subjectName, nid: NID_commonName).first,
                organizationalUnits: X509Fields.entries(
                    of: subjectName,
                    nid: NID_organizationalUnitName
                ),
                serialNumber: serialNumber,
                notBefore: notBefore,
                notAfter: notAfter,
                subjectAlternativeNames: X509Fields.alternativeNames(of: handle),
                publicKey: publicKey,
                isCertificateAuthority: isCertificateAuthority
            )
        }
    }
}

extension PublicKeyDescription {
    /// Describes an `EVP_PKEY *`, public or private; the key is only read.
    init(key: OpaquePointer) {
        let bits = Int(EVP_PKEY_get_bits(key))
        switch EVP_PKEY_get_base_id(key) {
        case EVP_PKEY_RSA, EVP_PKEY_RSA_PSS:
            self.init(algorithm: .rsa, bits: bits)
        case EVP_PKEY_EC:
            self.init(algorithm: .ellipticCurve(curve: Self.curveName(of: key)), bits: bits)
        case EVP_PKEY_ED25519:
            self.init(algorithm: .ed25519, bits: bits)
        case EVP_PKEY_ED448:
            self.init(algorithm: .ed448, bits: bits)
        case EVP_PKEY_DSA:
            self.init(algorithm: .dsa, bits: bits)
        default:
            let name = EVP_PKEY_get0_type_name(key).map { String(cString: $0) } ?? "unknown"
            self.init(algorithm: .other(name), bits: bits)
        }
    }

    private static func curveName(of key: OpaquePointer) -> String {
        var buffer = [CChar](repeating: 0, count: 80)
        var length = 0
        guard
            EVP_PKEY_get_utf8_string_param(
                key,
                OSSL_PKEY_PARAM_GROUP_NAME,
                &buffer,
                buffer.count,
                &length
            ) == 1
        else {
            return "unknown curve"
        }

        let name = String(
            decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) },
            as: UTF8.self
        )
        let nist = EC_curve_nid2nist(OBJ_sn2nid(name)).map { String(cString: $0) }
        return nist ?? name
    }
}

/// Readers for single certificate fields; every pointer they get is borrowed, never kept.
private enum X509Fields {
    static func oneLine(_ name: OpaquePointer) -> String? {
        guard let bio = try? OpenSSLBIO() else {
            return nil
        }
        let printed = bio.withHandle { bioHandle in
            X509_NAME_print_ex(bioHandle, name, 0, CCerebroCrypto_nameFlagsRFC2253UTF8())
        }
        return printed >= 0 ? bio.text() : nil
    }

    static func entries(of name: OpaquePointer, nid: Int32) -> [String] {
        var values: [String] = []
        var index: Int32 = -1
        while case let next = X509_NAME_get_index_by_NID(name, nid, index), next >= 0 {
            index = next
            let data = X509_NAME_get_entry(name, index).flatMap { X509_NAME_ENTRY_get_data($0) }
            if let data, let text = utf8(data) {
                values.append(text)
            }
        }
        return values
    }

    static func utf8(_ string: UnsafePointer<ASN1_STRING>) -> String? {
        var output: UnsafeMutablePointer<UInt8>?
        let length = ASN1_STRING_to_UTF8(&output, string)
        guard let output, length >= 0 else {
            return nil
        }
        defer { CCerebroCrypto_free(output) }
        return String(
            decoding: UnsafeBufferPointer(start: output, count: Int(length)),
            as: UTF8.self
        )
    }

    static func serialNumber(of certificate: OpaquePointer) -> String? {
        guard let number = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nil) else {
            return nil
        }
        defer { BN_free(number) }

        guard let hex = BN_bn2hex(number) else {
            return nil
        }
        defer { CCerebroCrypto_free(hex) }
        return String(cString: hex)
    }

    static func date(_ time: UnsafePointer<ASN1_TIME>?) -> Date? {
        // ASN1_TIME_to_tm reads the current time when given NULL; a missing field is an error.
        guard let time else {
            return nil
        }

        var fields = tm()
        guard ASN1_TIME_to_tm(time, &fields) == 1 else {
            return nil
        }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&fields)))
    }

    static func alternativeNames(of certificate: OpaquePointer) -> [SubjectAlternativeName] {
        guard let raw = X509_get_ext_d2i(certificate, NID_subject_alt_name, nil, nil) else {
            return []
        }
        let names = OpaquePointer(raw)
        defer { GENERAL_NAMES_free(names) }

        let count = CCerebroCrypto_GeneralNames_count(names)
        return (0..<count).compactMap { index in
            CCerebroCrypto_GeneralNames_value(names, index).map(alternativeName)
        }
    }

    static func alternativeName(_ name: UnsafeMutablePointer<GENERAL_NAME>)
        -> SubjectAlternativeName
    {
        let value = name.pointee.d
        switch name.pointee.type {
        case GEN_DNS:
            return value.dNSName.flatMap { utf8($0) }.map(SubjectAlternativeName.dns) ?? .other
        case GEN_IPADD:
            return value.iPAddress.flatMap(ipAddress).map(SubjectAlternativeName.ipAddress)
                ?? .other
        case GEN_EMAIL:
            return value.rfc822Name.flatMap { utf8($0) }.map(SubjectAlternativeName.email) ?? .other
        case GEN_URI:
            return value.uniformResourceIdentifier.flatMap { utf8($0) }.map(
                SubjectAlternativeName.uri
            )
                ?? .other
        default:
            return .other
        }
    }

    static func ipAddress(_ octets: UnsafeMutablePointer<ASN1_OCTET_STRING>) -> String? {
        let count = Int(ASN1_STRING_length(octets))
        let family: Int32
        switch count {
        case 4: family = AF_INET
        case 16: family = AF_INET6
        default: return nil
        }

        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard let bytes = ASN1_STRING_get0_data(octets),
            inet_ntop(family, bytes, &text, socklen_t(text.count)) != nil
        else {
            return nil
        }
        return String(
            decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) },
            as: UTF8.self
        )
    }
}
