import Foundation
import Testing

@testable import CerebroConn

/// Key files of one PEM block, including some that OpenSSL's tools never write.
///
/// A label that disagrees with the contents, or bytes after the key, must be judged as libpq
/// reads the file, whichever way the inspection decodes it.
@Suite struct KeyBlockInspectionTests {
    /// One row: how the matching key is rewritten, and what the inspection and the loader say.
    struct KeyCase: Sendable, CustomTestStringConvertible {
        let label: String
        let sec1: Bool
        let extraBytes: [UInt8]
        let findings: [String]
        let loads: Bool

        var testDescription: String {
            "\(label)\(sec1 ? " over SEC1" : "") with \(extraBytes.count) bytes after it"
        }
    }

    static let cases: [KeyCase] = [
        KeyCase(label: "PRIVATE KEY", sec1: false, extraBytes: [], findings: [], loads: true),
        KeyCase(label: "EC PRIVATE KEY", sec1: true, extraBytes: [], findings: [], loads: true),
        KeyCase(label: "EC PRIVATE KEY", sec1: false, extraBytes: [], findings: [], loads: true),
        KeyCase(
            label: "PRIVATE KEY",
            sec1: true,
            extraBytes: [],
            findings: [
                "client.key: the private key cannot be loaded "
                    + "(unsupported; wrong tag; nested asn1 error; nested asn1 error)"
            ],
            loads: false
        ),
        KeyCase(
            label: "PRIVATE KEY",
            sec1: false,
            extraBytes: [0x05, 0x00],
            findings: ["client.key: the PRIVATE KEY block does not decode"],
            loads: false
        ),
    ]

    @Test(arguments: cases) func keyIsCheckedAsLibpqReadsIt(_ row: KeyCase) throws {
        let pki = try TestPKI()
        let (set, _) = try pki.makeSet()
        let key = try #require(set.key)
        try pki.relabelKey(
            pki.copy(key, to: "original.key"),
            to: "set/client.key",
            label: row.label,
            sec1: row.sec1,
            extraBytes: row.extraBytes
        )
        try pki.setMode(0o600, of: key)

        #expect(set.inspect().map(\.description) == row.findings)
        let loaded = try? PrivateKeyLoader.load(fromFile: key)
        #expect((loaded != nil) == row.loads)
    }

    /// A lone plain key is read once, with libpq's call, and the loader reuses that read; any
    /// other key file is decoded block by block and read again by the loader.
    @Test(arguments: [
        (SampleFile.ecPKCS8Key, true), (.rsaPKCS1Key, true), (.ecSEC1KeyAlone, true),
        (.ecSEC1KeyWithParameters, false), (.certificateThenKey, false),
        (.keyWithBytesAfterItsDER, false), (.sec1KeyLabelledPKCS8, false),
    ])
    func loneKeyIsReadOnce(_ sample: SampleFile, isReadOnce: Bool) throws {
        let pki = try TestPKI()
        let path = try sample.make(in: pki)

        let file = try OpenSSLFileDecoder.decode(FileBytes.read(path: path))

        #expect((file.keyAsLibpqReadsIt != nil) == isReadOnce)
        if let read = file.keyAsLibpqReadsIt {
            let loaded = try PrivateKeyLoader.loadKey(from: file, path: path, passphrase: nil)
            #expect(loaded.key === read)
        }
    }
}
