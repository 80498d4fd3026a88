/// Turns replacement text back into a column's physical value: the inverse of
/// `ParquetRendering.render`, so that text the reader produced (a date, a decimal, a UUID, a
/// timestamp) parses back to the same bytes, and a masked value in the same shape fits the
/// column. Failures return a reason that names the type, never the text.
struct ParquetValueParser {
    var type: ParquetPhysicalType
    var typeLength: Int
    var rendering: ParquetRendering
    var logical: ParquetLogicalType?
    /// A decimal column's precision (digits), when the schema gives it.
    var precision: Int?

    /// The physical bytes for `text` (booleans as one byte, 0 or 1), or why it cannot be stored.
    func physical(_ text: [UInt8]) -> Result<[UInt8], ParquetValueParseFailure> {
        switch rendering {
        case .raw:
            if type == .fixedLenByteArray && text.count != typeLength {
                return .failure(.init("a value of \(text.count) bytes does not fit FIXED_LEN_BYTE_ARRAY(\(typeLength))"))
            }
            guard type == .byteArray || type == .fixedLenByteArray else { return .failure(.init("unexpected type \(type)")) }
            return .success(text)
        case .boolean:
            switch text {
            case Array("true".utf8), Array("1".utf8): return .success([1])
            case Array("false".utf8), Array("0".utf8): return .success([0])
            default: return .failure(.init("not a BOOLEAN (true or false)"))
            }
        case .int32(let isSigned):
            var bits = 32
            if case .integer(let width, _)? = logical, width > 0, width <= 32 { bits = width }
            if isSigned {
                guard let v = parseSignedInteger(text) else { return .failure(.init("not an integer")) }
                let limit = Int64(1) << Int64(bits - 1)
                guard v >= -limit, v < limit else { return .failure(.init("out of range for a \(bits)-bit signed integer")) }
                return .success(littleEndian(UInt64(bitPattern: v), count: 4))
            }
            guard let v = parseUnsignedInteger(text) else { return .failure(.init("not an unsigned integer")) }
            guard v < UInt64(1) << UInt64(bits) else { return .failure(.init("out of range for a \(bits)-bit unsigned integer")) }
            return .success(littleEndian(v, count: 4))
        case .int64(let isSigned):
            if isSigned {
                guard let v = parseSignedInteger(text) else { return .failure(.init("not a 64-bit integer")) }
                return .success(littleEndian(UInt64(bitPattern: v), count: 8))
            }
            guard let v = parseUnsignedInteger(text) else { return .failure(.init("not an unsigned 64-bit integer")) }
            return .success(littleEndian(v, count: 8))
        case .float:
            guard let v = Float(String(decoding: text, as: UTF8.self)) else { return .failure(.init("not a FLOAT")) }
            return .success(littleEndian(UInt64(v.bitPattern), count: 4))
        case .double:
            guard let v = Double(String(decoding: text, as: UTF8.self)) else { return .failure(.init("not a DOUBLE")) }
            return .success(littleEndian(v.bitPattern, count: 8))
        case .date:
            var cursor = TextCursor(text)
            guard let days = cursor.date(), cursor.atEnd else { return .failure(.init("not a DATE (YYYY-MM-DD)")) }
            guard let v = Int32(exactly: days) else { return .failure(.init("DATE out of range")) }
            return .success(littleEndian(UInt64(UInt32(bitPattern: v)), count: 4))
        case .timestamp(let unit, _):
            let digits = unit == .millis ? 3 : unit == .micros ? 6 : 9
            guard let (seconds, fraction) = parseTimestamp(text, fractionDigits: digits) else {
                return .failure(.init("not a TIMESTAMP (YYYY-MM-DDTHH:MM:SS[.fraction][Z]) at this precision"))
            }
            let perSecond: Int64 = unit == .millis ? 1_000 : unit == .micros ? 1_000_000 : 1_000_000_000
            let (scaled, overflow) = seconds.multipliedReportingOverflow(by: perSecond)
            let (raw, overflow2) = scaled.addingReportingOverflow(fraction)
            guard !overflow, !overflow2 else { return .failure(.init("TIMESTAMP out of range")) }
            return .success(littleEndian(UInt64(bitPattern: raw), count: 8))
        case .int96Timestamp:
            guard let (seconds, fraction) = parseTimestamp(text, fractionDigits: 9) else {
                return .failure(.init("not a timestamp (YYYY-MM-DDTHH:MM:SS[.fraction][Z])"))
            }
            let days = floorDiv(seconds, 86_400)
            let nanos = floorMod(seconds, 86_400) * 1_000_000_000 + fraction
            guard let julian = Int32(exactly: days + 2_440_588) else { return .failure(.init("INT96 timestamp out of range")) }
            return .success(littleEndian(UInt64(bitPattern: nanos), count: 8) + littleEndian(UInt64(UInt32(bitPattern: julian)), count: 4))
        case .decimal(let scale, _):
            return decimal(text, scale: scale)
        case .uuid:
            var out: [UInt8] = []
            var high: UInt8?
            for c in text {
                if c == UInt8(ascii: "-") { continue }
                guard let nibble = hexValue(c) else { return .failure(.init("not a UUID")) }
                if let h = high { out.append(h << 4 | nibble); high = nil } else { high = nibble }
            }
            guard high == nil, out.count == 16, typeLength == 16 else { return .failure(.init("not a UUID")) }
            return .success(out)
        }
    }

    private func decimal(_ text: [UInt8], scale: Int) -> Result<[UInt8], ParquetValueParseFailure> {
        // The unscaled value's magnitude as big-endian bytes, built digit by digit.
        var digits: [UInt8] = []
        var negative = false
        var i = 0
        if i < text.count, text[i] == UInt8(ascii: "-") || text[i] == UInt8(ascii: "+") {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        var fractionDigits = -1
        var sawDigit = false
        while i < text.count {
            let c = text[i]
            if c == UInt8(ascii: "."), fractionDigits < 0 {
                fractionDigits = 0
            } else if c >= 0x30 && c <= 0x39 {
                if fractionDigits >= 0 {
                    fractionDigits += 1
                    if fractionDigits > scale {
                        // Extra places are fine only when they are zeros.
                        guard c == 0x30 else { return .failure(.init("more decimal places than the column's scale \(scale)")) }
                        i += 1
                        continue
                    }
                }
                digits.append(c - 0x30)
                sawDigit = true
            } else {
                return .failure(.init("not a DECIMAL"))
            }
            i += 1
        }
        guard sawDigit else { return .failure(.init("not a DECIMAL")) }
        for _ in max(0, fractionDigits)..<max(scale, max(0, fractionDigits)) { digits.append(0) }
        while digits.count > 1 && digits[0] == 0 { digits.removeFirst() }
        if let precision, precision > 0, digits.count > precision, !(digits.count == 1 && digits[0] == 0) {
            return .failure(.init("more digits than the column's precision \(precision)"))
        }
        guard digits.count <= 160 else { return .failure(.init("DECIMAL too long")) }
        var magnitude: [UInt8] = []
        for d in digits {
            var carry = Int(d)
            for k in stride(from: magnitude.count - 1, through: 0, by: -1) {
                let v = Int(magnitude[k]) * 10 + carry
                magnitude[k] = UInt8(v & 0xFF)
                carry = v >> 8
            }
            while carry > 0 {
                magnitude.insert(UInt8(carry & 0xFF), at: 0)
                carry >>= 8
            }
        }
        // Minimal big-endian two's complement.
        var bytes = [0] + magnitude
        if negative {
            var carry = true
            for k in stride(from: bytes.count - 1, through: 0, by: -1) {
                let (sum, overflow) = (~bytes[k]).addingReportingOverflow(carry ? 1 : 0)
                bytes[k] = sum
                carry = carry && overflow
            }
        }
        while bytes.count > 1 && ((bytes[0] == 0 && bytes[1] & 0x80 == 0) || (bytes[0] == 0xFF && bytes[1] & 0x80 != 0)) {
            bytes.removeFirst()
        }
        let signByte: UInt8 = bytes[0] & 0x80 != 0 ? 0xFF : 0
        let width: Int
        switch type {
        case .byteArray: return .success(bytes)
        case .fixedLenByteArray: width = typeLength
        case .int32: width = 4
        case .int64: width = 8
        default: return .failure(.init("DECIMAL stored as \(type)"))
        }
        guard bytes.count <= width else { return .failure(.init("DECIMAL too large for its \(width)-byte storage")) }
        let full = [UInt8](repeating: signByte, count: width - bytes.count) + bytes
        return .success(type == .fixedLenByteArray ? full : full.reversed())
    }

    private func littleEndian(_ value: UInt64, count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: value >> UInt64(8 * $0)) }
    }

    private func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }

    private func parseUnsignedInteger(_ text: [UInt8]) -> UInt64? {
        var cursor = TextCursor(text)
        _ = cursor.take(UInt8(ascii: "+"))
        guard let v = cursor.digits(), cursor.atEnd else { return nil }
        return v.value
    }

    private func parseSignedInteger(_ text: [UInt8]) -> Int64? {
        var cursor = TextCursor(text)
        let negative = cursor.take(UInt8(ascii: "-"))
        if !negative { _ = cursor.take(UInt8(ascii: "+")) }
        guard let v = cursor.digits(), cursor.atEnd else { return nil }
        if negative {
            guard v.value <= UInt64(Int64.max) + 1 else { return nil }
            return Int64(truncatingIfNeeded: 0 &- v.value)
        }
        return Int64(exactly: v.value)
    }

    /// `YYYY-MM-DD[T| ]HH:MM:SS[.fraction][Z]` as seconds since the epoch and the fraction in
    /// units of 10^-fractionDigits seconds (extra fraction digits must be zeros).
    private func parseTimestamp(_ text: [UInt8], fractionDigits: Int) -> (Int64, Int64)? {
        var cursor = TextCursor(text)
        guard let days = cursor.date() else { return nil }
        guard cursor.take(UInt8(ascii: "T")) || cursor.take(UInt8(ascii: " ")) else { return nil }
        guard let hour = cursor.digits(exactly: 2), cursor.take(UInt8(ascii: ":")),
              let minute = cursor.digits(exactly: 2), cursor.take(UInt8(ascii: ":")),
              let second = cursor.digits(exactly: 2),
              hour < 24, minute < 60, second < 60 else { return nil }
        var fraction: Int64 = 0
        if cursor.take(UInt8(ascii: ".")) {
            guard let f = cursor.digits(), f.count > 0 else { return nil }
            var value = f.value
            var count = f.count
            while count > fractionDigits {
                guard value % 10 == 0 else { return nil }
                value /= 10
                count -= 1
            }
            while count < fractionDigits { value *= 10; count += 1 }
            fraction = Int64(value)
        }
        _ = cursor.take(UInt8(ascii: "Z"))
        guard cursor.atEnd else { return nil }
        let (daySeconds, overflow) = days.multipliedReportingOverflow(by: 86_400)
        guard !overflow else { return nil }
        return (daySeconds + Int64(hour * 3600 + minute * 60 + second), fraction)
    }
}

/// Why a replacement cannot be stored in a column (names the type, never the value).
struct ParquetValueParseFailure: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}

/// A small forward parser over replacement text.
private struct TextCursor {
    let text: [UInt8]
    var position = 0

    init(_ text: [UInt8]) { self.text = text }

    var atEnd: Bool { position == text.count }

    mutating func take(_ c: UInt8) -> Bool {
        guard position < text.count, text[position] == c else { return false }
        position += 1
        return true
    }

    /// A run of decimal digits (at most 19, so the value fits).
    mutating func digits() -> (value: UInt64, count: Int)? {
        var value: UInt64 = 0
        var count = 0
        while position < text.count, text[position] >= 0x30, text[position] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(UInt64(text[position] - 0x30))
            guard !o1, !o2 else { return nil }
            value = s
            count += 1
            position += 1
        }
        return count > 0 ? (value, count) : nil
    }

    mutating func digits(exactly n: Int) -> Int? {
        guard let d = digits(), d.count == n else { return nil }
        return Int(d.value)
    }

    /// `[-]YYYY-MM-DD` as days since 1970-01-01 (proleptic Gregorian), the inverse of `appendDate`.
    mutating func date() -> Int64? {
        let negative = take(UInt8(ascii: "-"))
        guard let y = digits(), y.count >= 4, y.value < 1_000_000_000, take(UInt8(ascii: "-")),
              let month = digits(exactly: 2), take(UInt8(ascii: "-")),
              let day = digits(exactly: 2) else { return nil }
        let year = negative ? -Int64(y.value) : Int64(y.value)
        guard month >= 1, month <= 12, day >= 1 else { return nil }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let monthDays = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= monthDays[month - 1] else { return nil }
        // Howard Hinnant's days_from_civil.
        let m = Int64(month), d = Int64(day)
        let yy = m <= 2 ? year - 1 : year
        let era = floorDiv(yy, 400)
        let yoe = yy - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
