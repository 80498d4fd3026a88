/// How a leaf column's values become text for scanning.
enum ParquetRendering {
    /// Bytes as they are (STRING, ENUM, JSON, plain BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY).
    case raw
    case boolean
    case int32(isSigned: Bool)
    case int64(isSigned: Bool)
    case float
    case double
    case date
    case timestamp(ParquetTimeUnit, isUTC: Bool)
    case int96Timestamp
    /// A decimal stored as INT32, INT64 or big-endian two's complement bytes.
    case decimal(scale: Int, isLittleEndian: Bool)
    case uuid

    init(type: ParquetPhysicalType, logical: ParquetLogicalType?) {
        switch (type, logical) {
        case (.boolean, _): self = .boolean
        case (_, .decimal(let scale)?): self = .decimal(scale: scale, isLittleEndian: type == .int32 || type == .int64)
        case (.int32, .date?): self = .date
        case (.int32, .integer(_, let signed)?): self = .int32(isSigned: signed)
        case (.int32, _): self = .int32(isSigned: true)
        case (.int64, .timestamp(let unit, let utc)?): self = .timestamp(unit, isUTC: utc)
        case (.int64, .integer(_, let signed)?): self = .int64(isSigned: signed)
        case (.int64, _): self = .int64(isSigned: true)
        case (.int96, _): self = .int96Timestamp
        case (.float, _): self = .float
        case (.double, _): self = .double
        case (.fixedLenByteArray, .uuid?): self = .uuid
        default: self = .raw
        }
    }

    /// Appends the text of `value` to `out`.
    func render(_ value: UnsafeRawBufferPointer, into out: inout [UInt8]) {
        switch self {
        case .raw:
            out.append(contentsOf: value)
        case .boolean:
            out.append(contentsOf: (value.first ?? 0) != 0 ? Array("true".utf8) : Array("false".utf8))
        case .int32(let signed):
            let bits = value.loadLittleEndian(UInt32.self)
            if signed { appendDecimalText(Int64(Int32(bitPattern: bits)), to: &out) } else { appendDecimalText(UInt64(bits), to: &out) }
        case .int64(let signed):
            let bits = value.loadLittleEndian(UInt64.self)
            if signed { appendDecimalText(Int64(bitPattern: bits), to: &out) } else { appendDecimalText(bits, to: &out) }
        case .float:
            out.append(contentsOf: String(describing: Float(bitPattern: value.loadLittleEndian(UInt32.self))).utf8)
        case .double:
            out.append(contentsOf: String(describing: Double(bitPattern: value.loadLittleEndian(UInt64.self))).utf8)
        case .date:
            appendDate(days: Int64(Int32(bitPattern: value.loadLittleEndian(UInt32.self))), to: &out)
        case .timestamp(let unit, let utc):
            let raw = Int64(bitPattern: value.loadLittleEndian(UInt64.self))
            let perSecond: Int64 = unit == .millis ? 1_000 : unit == .micros ? 1_000_000 : 1_000_000_000
            let digits = unit == .millis ? 3 : unit == .micros ? 6 : 9
            appendTimestamp(seconds: floorDiv(raw, perSecond), fraction: floorMod(raw, perSecond),
                             fractionDigits: digits, isUTC: utc, to: &out)
        case .int96Timestamp:
            guard value.count == 12 else { out.append(contentsOf: value); return }
            let nanos = Int64(bitPattern: value.loadLittleEndian(UInt64.self))
            let julian = Int64(Int32(bitPattern: UnsafeRawBufferPointer(rebasing: value[8...]).loadLittleEndian(UInt32.self)))
            let seconds = (julian - 2_440_588) &* 86_400 &+ floorDiv(nanos, 1_000_000_000)
            appendTimestamp(seconds: seconds, fraction: floorMod(nanos, 1_000_000_000), fractionDigits: 9,
                            isUTC: true, to: &out)
        case .decimal(let scale, let isLittleEndian):
            appendDecimal(value, isLittleEndian: isLittleEndian, scale: scale, to: &out)
        case .uuid:
            let hex = Array("0123456789abcdef".utf8)
            for (i, b) in value.enumerated() {
                if i == 4 || i == 6 || i == 8 || i == 10 { out.append(UInt8(ascii: "-")) }
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 0x0F)])
            }
        }
    }

    /// INT32/INT64 decimals are little-endian; byte-array decimals big-endian.
    private func appendDecimal(_ value: UnsafeRawBufferPointer, isLittleEndian: Bool, scale: Int, to out: inout [UInt8]) {
        // The unscaled value as big-endian two's complement bytes.
        var bytes: [UInt8] = isLittleEndian ? value.reversed() : Array(value)
        guard !bytes.isEmpty, bytes.count <= 64 else { out.append(contentsOf: value); return }
        let negative = bytes[0] & 0x80 != 0
        if negative {
            // Two's complement negation.
            var carry = true
            for i in stride(from: bytes.count - 1, through: 0, by: -1) {
                let (sum, overflow) = (~bytes[i]).addingReportingOverflow(carry ? 1 : 0)
                bytes[i] = sum
                carry = carry && overflow
            }
        }
        // Repeated division by 10 of the big-endian magnitude.
        var digits: [UInt8] = []
        while bytes.contains(where: { $0 != 0 }) {
            var remainder = 0
            for i in 0..<bytes.count {
                let acc = remainder << 8 | Int(bytes[i])
                bytes[i] = UInt8(acc / 10)
                remainder = acc % 10
            }
            digits.append(UInt8(ascii: "0") + UInt8(remainder))
        }
        let scale = max(0, min(scale, 100))
        while digits.count <= scale { digits.append(UInt8(ascii: "0")) }
        if negative { out.append(UInt8(ascii: "-")) }
        for (i, d) in digits.reversed().enumerated() {
            if scale > 0 && i == digits.count - scale { out.append(UInt8(ascii: ".")) }
            out.append(d)
        }
    }

}

extension UnsafeRawBufferPointer {
    /// The little-endian integer at the start (zero-filled if the buffer is short).
    func loadLittleEndian<T: FixedWidthInteger>(_ type: T.Type) -> T {
        var result: T = 0
        for i in 0..<Swift.min(count, MemoryLayout<T>.size) { result |= T(self[i]) << T(8 * i) }
        return result
    }
}

func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-(a + 1)) / b) - 1 }
func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) &* b }

func appendDecimalText(_ value: UInt64, to out: inout [UInt8]) {
    var v = value
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
        repeat {
            buffer[count] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
            count += 1
        } while v > 0
        for i in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[i]) }
    }
}

func appendDecimalText(_ value: Int64, to out: inout [UInt8]) {
    if value < 0 { out.append(UInt8(ascii: "-")) }
    appendDecimalText(value.magnitude, to: &out)
}

private func appendPadded(_ value: Int64, width: Int, to out: inout [UInt8]) {
    var text: [UInt8] = []
    appendDecimalText(value.magnitude, to: &text)
    if value < 0 { out.append(UInt8(ascii: "-")) }
    for _ in text.count..<max(text.count, width) { out.append(UInt8(ascii: "0")) }
    out.append(contentsOf: text)
}

/// `YYYY-MM-DD` for days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's algorithm).
func appendDate(days: Int64, to out: inout [UInt8]) {
    let z = days &+ 719_468
    let era = floorDiv(z, 146_097)
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    appendPadded(year, width: 4, to: &out)
    out.append(UInt8(ascii: "-"))
    appendPadded(month, width: 2, to: &out)
    out.append(UInt8(ascii: "-"))
    appendPadded(day, width: 2, to: &out)
}

/// `YYYY-MM-DDTHH:MM:SS[.fraction][Z]`; the fraction is left out when it is zero.
func appendTimestamp(seconds: Int64, fraction: Int64, fractionDigits: Int, isUTC: Bool, to out: inout [UInt8]) {
    let days = floorDiv(seconds, 86_400)
    let secondOfDay = floorMod(seconds, 86_400)
    appendDate(days: days, to: &out)
    out.append(UInt8(ascii: "T"))
    appendPadded(secondOfDay / 3600, width: 2, to: &out)
    out.append(UInt8(ascii: ":"))
    appendPadded(secondOfDay / 60 % 60, width: 2, to: &out)
    out.append(UInt8(ascii: ":"))
    appendPadded(secondOfDay % 60, width: 2, to: &out)
    if fraction != 0 {
        out.append(UInt8(ascii: "."))
        appendPadded(fraction, width: fractionDigits, to: &out)
    }
    if isUTC { out.append(UInt8(ascii: "Z")) }
}
