/// Dates written as text, for `Transform.shiftDate` and `Generalization.year`: recognising the
/// layouts `DateShift` lists, checking the date is real, moving it by whole days in the
/// proleptic Gregorian calendar, and writing it back in the same layout.
enum DateText {
    /// A recognised layout; the separators and field order are kept when writing back.
    enum Layout {
        case yearMonthDay(separator: UInt8)  // YYYY-MM-DD, YYYY/MM/DD
        case compact  // YYYYMMDD
        case monthDayYear(separator: UInt8)  // MM/DD/YYYY
        case dayMonthYear(separator: UInt8)  // DD/MM/YYYY, DD.MM.YYYY, DD-MM-YYYY
    }

    struct ParsedDate {
        var year: Int
        var month: Int
        var day: Int
        var layout: Layout
        /// Digits the month and day were written with (1 or 2), kept when writing back.
        var monthWidth: Int
        var dayWidth: Int
        /// The time after the date (`T10:30:00Z`, ` 10:30`), kept as it is.
        var time: ArraySlice<UInt8>
    }

    /// `value` moved by `days` days, in its own layout, with its time kept.
    static func shift(_ value: String, byDays days: Int, dayFirst: Bool) throws(TransformError) -> String {
        var date = try parse(value, dayFirst: dayFirst)
        let (year, month, day) = civil(fromDays: daysFromCivil(date.year, date.month, date.day) + days)
        guard (1...9999).contains(year) else {
            throw TransformError(.notADate, "the shifted date falls outside years 1...9999")
        }
        date.year = year
        date.month = month
        date.day = day
        return format(date)
    }

    /// The four-digit year of a date in any recognised layout (`NN/NN/YYYY` may be either
    /// month or day first).
    static func year(of value: String) throws(TransformError) -> String {
        let date: ParsedDate
        do {
            date = try parse(value, dayFirst: false)
        } catch {
            date = try parse(value, dayFirst: true)
        }
        return padded(date.year, width: 4)
    }

    static func parse(_ value: String, dayFirst: Bool) throws(TransformError) -> ParsedDate {
        let bytes = Array(value.utf8)
        let dateEnd = bytes.firstIndex { $0 == UInt8(ascii: "T") || $0 == UInt8(ascii: " ") } ?? bytes.count
        let time = bytes[dateEnd...]
        guard isTime(time) else { throw notADate }
        let datePart = bytes[..<dateEnd]

        var date: ParsedDate
        if datePart.count == 8, datePart.allSatisfy(isASCIIDigit) {
            date = ParsedDate(
                year: number(datePart.prefix(4)), month: number(datePart.dropFirst(4).prefix(2)),
                day: number(datePart.suffix(2)), layout: .compact, monthWidth: 2, dayWidth: 2, time: time
            )
        } else {
            guard let separator = datePart.first(where: { !isASCIIDigit($0) }),
                  [UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: ".")].contains(separator)
            else { throw notADate }
            let fields = datePart.split(separator: separator, omittingEmptySubsequences: false)
            guard fields.count == 3, fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy(isASCIIDigit) }) else {
                throw notADate
            }
            let short = { (field: ArraySlice<UInt8>) in (1...2).contains(field.count) }
            if fields[0].count == 4, short(fields[1]), short(fields[2]), separator != UInt8(ascii: ".") {
                date = ParsedDate(
                    year: number(fields[0]), month: number(fields[1]), day: number(fields[2]),
                    layout: .yearMonthDay(separator: separator),
                    monthWidth: fields[1].count, dayWidth: fields[2].count, time: time
                )
            } else if fields[2].count == 4, short(fields[0]), short(fields[1]) {
                let isDayFirst = separator != UInt8(ascii: "/") || dayFirst
                date = ParsedDate(
                    year: number(fields[2]),
                    month: number(isDayFirst ? fields[1] : fields[0]),
                    day: number(isDayFirst ? fields[0] : fields[1]),
                    layout: isDayFirst ? .dayMonthYear(separator: separator) : .monthDayYear(separator: separator),
                    monthWidth: (isDayFirst ? fields[1] : fields[0]).count,
                    dayWidth: (isDayFirst ? fields[0] : fields[1]).count,
                    time: time
                )
            } else {
                throw notADate
            }
        }
        guard (1...9999).contains(date.year), (1...12).contains(date.month),
              (1...daysInMonth(date.month, year: date.year)).contains(date.day)
        else {
            throw TransformError(.notADate, "not a calendar date")
        }
        return date
    }

    private static var notADate: TransformError {
        TransformError(.notADate, "not a date in a recognised layout (YYYY-MM-DD, YYYY/MM/DD, YYYYMMDD, MM/DD/YYYY, DD.MM.YYYY, DD-MM-YYYY)")
    }

    /// Empty, or `T` or a space, an hour of 1–2 digits, `:`, two digits of minutes, then at most
    /// 32 more characters of seconds, fractions, zone offsets or an AM/PM or zone name.
    private static func isTime(_ time: ArraySlice<UInt8>) -> Bool {
        guard !time.isEmpty else { return true }
        let rest = time.dropFirst()
        let hourDigits = rest.prefix(while: isASCIIDigit).count
        guard (1...2).contains(hourDigits) else { return false }
        let afterHour = rest.dropFirst(hourDigits)
        guard afterHour.first == UInt8(ascii: ":"), afterHour.dropFirst().prefix(2).count == 2,
              afterHour.dropFirst().prefix(2).allSatisfy(isASCIIDigit)
        else { return false }
        let tail = afterHour.dropFirst(3)
        return tail.count <= 32 && tail.allSatisfy { byte in
            isASCIIDigit(byte) || (byte | 0x20) &- 0x61 < 26 || Array(":.,+- ".utf8).contains(byte)
        }
    }

    static func format(_ date: ParsedDate) -> String {
        var text = ""
        let month = padded(date.month, width: date.monthWidth)
        let day = padded(date.day, width: date.dayWidth)
        let year = padded(date.year, width: 4)
        switch date.layout {
        case .compact:
            text = year + month + day
        case .yearMonthDay(let separator):
            let mark = String(UnicodeScalar(separator))
            text = year + mark + month + mark + day
        case .monthDayYear(let separator):
            let mark = String(UnicodeScalar(separator))
            text = month + mark + day + mark + year
        case .dayMonthYear(let separator):
            let mark = String(UnicodeScalar(separator))
            text = day + mark + month + mark + year
        }
        return text + String(decoding: date.time, as: UTF8.self)
    }

    private static func number(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01 (H. Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
