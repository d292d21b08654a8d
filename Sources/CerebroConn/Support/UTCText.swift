#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// Dates as text in UTC, for messages, reports and JSON.
///
/// The C library's `gmtime_r` splits the date, not a Foundation `Calendar`: setting up a
/// Gregorian calendar in UTC costs a run about 1.7 million instructions (time-zone files, the
/// whole environment, generic metadata) to print two dates. `gmtime_r` also counts days the
/// way X.509 and OpenSSL do (the proleptic Gregorian calendar) for dates before 1582, where a
/// `Calendar` switches to the Julian one.
public enum UTCText {
    /// A date as `2026-12-03 18:57:00`, in whole seconds, rounded down.
    public static func format(_ date: Date) -> String {
        split(date).map { $0.day + " " + $0.clock } ?? unrepresentable(date)
    }

    /// A date as ISO 8601: `2026-12-03T18:57:00Z`, in whole seconds, rounded down.
    public static func iso8601(_ date: Date) -> String {
        split(date).map { $0.day + "T" + $0.clock + "Z" } ?? unrepresentable(date)
    }

    private static func split(_ date: Date) -> (day: String, clock: String)? {
        var parts = tm()
        guard var instant = time_t(exactly: date.timeIntervalSince1970.rounded(.down)),
            gmtime_r(&instant, &parts) != nil
        else {
            return nil
        }

        let year = Int(parts.tm_year) + 1900
        let day = [pad(year, 4), pad(parts.tm_mon + 1, 2), pad(parts.tm_mday, 2)]
        let clock = [pad(parts.tm_hour, 2), pad(parts.tm_min, 2), pad(parts.tm_sec, 2)]
        return (day.joined(separator: "-"), clock.joined(separator: ":"))
    }

    /// Certificate dates come from OpenSSL's `timegm`, so they always fit a `time_t`; should
    /// one not, the text says what the date is rather than print a wrong one.
    private static func unrepresentable(_ date: Date) -> String {
        "\(date.timeIntervalSince1970) seconds after 1970-01-01 00:00:00"
    }

    private static func pad(_ number: some BinaryInteger, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
