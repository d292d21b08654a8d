#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A JSON number, kept so that writing it back gives the value that was read.
///
/// A `Double` would turn `12345678901234567890` into `1.2345678901234567e+19` and
/// `9007199254740993` into `9007199254740992`, so numbers are read as `Decimal`: exact to 38
/// significant digits, for magnitudes from 1e-128 to about 3.4e165. A number beyond that range
/// (such as `1e300`) is kept as a `Double`, which is exact for the up to 15 significant digits
/// such numbers are written with. The text written back may differ from the text read only
/// where the value is the same: `1.50` comes back as `1.5`, `1e2` as `100`, `1e-7` as `1e-07`.
public struct JSONNumber: Sendable, Equatable {
    private enum Storage: Sendable, Equatable {
        case decimal(Decimal)
        case double(Double)
    }

    private let storage: Storage

    /// The number `value`.
    public init(_ value: Int) {
        storage = .decimal(Decimal(value))
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    /// How a number read as `decimal` is kept; `double` gives the same number as a `Double`.
    ///
    /// A whole number is written as its digits. A fraction is kept as a `Double` when the
    /// `Double`'s shortest text means the same value, so that `1e-7` comes back as `1e-07`
    /// rather than as `0.0000001`; both are exact.
    private static func keeping(_ decimal: Decimal, double: () -> Double?) -> JSONNumber {
        if !isWhole(decimal), let double = double(),
            Decimal(string: double.description) == decimal
        {
            return JSONNumber(storage: .double(double))
        }
        return JSONNumber(storage: .decimal(decimal))
    }

    /// The value as an `Int`, or `nil` when it is not a whole number an `Int` can hold.
    public var integerValue: Int? {
        switch storage {
        case .decimal(let value): Int(value.description)
        case .double(let value): Int(exactly: value)
        }
    }

    private static func isWhole(_ value: Decimal) -> Bool {
        !value.description.contains(".")
    }
}

// MARK: - Conformances

extension JSONNumber: Codable {
    /// Decodes a number; a value of another kind throws `DecodingError.typeMismatch` at once.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let decimal: Decimal
        do {
            decimal = try container.decode(Decimal.self)
        } catch DecodingError.typeMismatch(let type, let context) {
            // Not a number at all: say so at once, without trying a Double as well.
            throw DecodingError.typeMismatch(type, context)
        } catch {
            // A number outside Decimal's range.
            self.init(storage: .double(try container.decode(Double.self)))
            return
        }
        self = Self.keeping(decimal) { try? container.decode(Double.self) }
    }

    /// Encodes the value that was decoded.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch storage {
        case .decimal(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        }
    }
}

extension JSONNumber: ExpressibleByIntegerLiteral {
    /// The whole number `value`.
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension JSONNumber: ExpressibleByFloatLiteral {
    /// The number `value`, kept as reading its shortest text from a file would keep it.
    public init(floatLiteral value: Double) {
        if let decimal = Decimal(string: value.description) {
            self = Self.keeping(decimal) { value }
        } else {
            self.init(storage: .double(value))
        }
    }
}

extension JSONNumber: CustomStringConvertible {
    /// The number as JSON text.
    public var description: String {
        switch storage {
        case .decimal(let value): value.description
        case .double(let value): value.description
        }
    }
}
