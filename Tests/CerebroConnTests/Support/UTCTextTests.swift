import CerebroConn
import Foundation
import Testing

/// Dates as UTC text, compared with what Foundation's formatter says for the same instants.
@Suite struct UTCTextTests {
    /// One row: an instant and its two texts.
    struct DateCase: Sendable, CustomTestStringConvertible {
        let seconds: Double
        let text: String
        let iso: String

        var testDescription: String { text }
    }

    static let cases: [DateCase] = [
        DateCase(seconds: 0, text: "1970-01-01 00:00:00", iso: "1970-01-01T00:00:00Z"),
        DateCase(seconds: 1_623_345, text: "1970-01-19 18:55:45", iso: "1970-01-19T18:55:45Z"),
        DateCase(
            seconds: 1_800_000_000,
            text: "2027-01-15 08:00:00",
            iso: "2027-01-15T08:00:00Z"
        ),
        DateCase(seconds: 951_782_400, text: "2000-02-29 00:00:00", iso: "2000-02-29T00:00:00Z"),
        DateCase(seconds: -1, text: "1969-12-31 23:59:59", iso: "1969-12-31T23:59:59Z"),
        DateCase(seconds: 59.9, text: "1970-01-01 00:00:59", iso: "1970-01-01T00:00:59Z"),
        DateCase(seconds: -0.5, text: "1969-12-31 23:59:59", iso: "1969-12-31T23:59:59Z"),
        DateCase(
            seconds: 253_402_300_799,
            text: "9999-12-31 23:59:59",
            iso: "9999-12-31T23:59:59Z"
        ),
        // X.509 times are proleptic Gregorian, as OpenSSL's timegm counts them.
        DateCase(
            seconds: -62_135_596_800,
            text: "0001-01-01 00:00:00",
            iso: "0001-01-01T00:00:00Z"
        ),
    ]

    @Test(arguments: cases) func formatsWholeSecondsInUTC(_ row: DateCase) {
        let date = Date(timeIntervalSince1970: row.seconds)
        #expect(UTCText.format(date) == row.text)
        #expect(UTCText.iso8601(date) == row.iso)
    }

    @Test func agreesWithFoundationsFormatterSinceTheGregorianReform() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        for seconds in stride(from: -12_000_000_000.0, to: 250_000_000_000, by: 7_777_777_777) {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(UTCText.format(date) == formatter.string(from: date))
        }
    }
}
