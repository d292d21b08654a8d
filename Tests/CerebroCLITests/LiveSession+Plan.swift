import Foundation
import Testing

@testable import CerebroConn

extension LiveSession {
    /// A plan to the fixture as `cerebro_user` with `set` (by default the whole set in
    /// `folder`: client.crt, client.key and ca.crt), made by hand so that no check of the
    /// files runs first: what libpq itself says about them is what these tests read.
    func directPlan(
        folder: String,
        host: String = "localhost",
        sslRequired: Bool = true,
        set: CertificateSet? = nil
    ) throws -> ConnectionPlan {
        let preset = Preset(
            name: "direct",
            host: host,
            port: try #require(Int(server.port)),
            user: "cerebro_user",
            sslRequired: sslRequired,
            certificateFolder: folder
        )
        return try ConnectionPlan(
            preset: preset,
            certificateSet: set ?? LibpqWordingLiveTests.set(in: folder),
            supportedKeywords: ConnectionProbe.supportedKeywords
        )
    }
}
