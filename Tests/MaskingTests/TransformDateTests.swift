import Testing
@testable import Masking

@Suite struct TransformDateTests {
    /// Days between two dates written as (year, month, day).
    private func days(from: (Int, Int, Int), to: (Int, Int, Int)) -> Int {
        DateText.daysFromCivil(to.0, to.1, to.2) - DateText.daysFromCivil(from.0, from.1, from.2)
    }

    @Test func calendarConversionRoundTripsAndKnowsEpochAndLeapDays() {
        #expect(DateText.daysFromCivil(1970, 1, 1) == 0)
        #expect(DateText.daysFromCivil(2000, 3, 1) - DateText.daysFromCivil(2000, 2, 28) == 2)
        #expect(DateText.daysFromCivil(1900, 3, 1) - DateText.daysFromCivil(1900, 2, 28) == 1)
        for day in stride(from: DateText.daysFromCivil(1, 1, 1), through: DateText.daysFromCivil(9999, 12, 31), by: 997) {
            let date = DateText.civil(fromDays: day)
            #expect(DateText.daysFromCivil(date.year, date.month, date.day) == day)
        }
    }

    @Test func offsetIsPerSubjectNonZeroAndWithinRange() throws {
        let transformer = try syntheticTransformer()
        let again = try syntheticTransformer()
        var offsets = Set<Int>()
        for index in 0..<500 {
            let subject = "patient-\(index)"
            let offset = try transformer.dateOffset(maxDays: 30, subject: subject)
            #expect(offset != 0)
            #expect((-30...30).contains(offset))
            #expect(try again.dateOffset(maxDays: 30, subject: subject) == offset)
            offsets.insert(offset)
        }
        // 500 subjects over 60 possible offsets reach both signs and most values.
        #expect(offsets.count > 50)
        #expect(offsets.contains { $0 < 0 } && offsets.contains { $0 > 0 })
        // The run-wide offset (no subject) is distinct from the empty subject's.
        let runWide = try transformer.dateOffset(maxDays: 36500, subject: nil)
        #expect(runWide != 0)
        #expect(try transformer.dateOffset(maxDays: 1, subject: "x") != 0)
    }

    @Test(arguments: [
        ("1984-03-07", (1984, 3, 7)), ("1984/03/07", (1984, 3, 7)), ("19840307", (1984, 3, 7)),
        ("03/07/1984", (1984, 3, 7)), ("07.03.1984", (1984, 3, 7)), ("07-03-1984", (1984, 3, 7)),
        ("1984-03-07T10:30:00Z", (1984, 3, 7)), ("1984-03-07 10:30", (1984, 3, 7)),
        ("2024-02-29", (2024, 2, 29)), ("3/7/1984", (1984, 3, 7)),
    ])
    func shiftKeepsTheLayoutAndMovesByTheSubjectOffset(_ value: String, _ date: (Int, Int, Int)) throws {
        let transformer = try syntheticTransformer()
        let options = DateShift(maxDays: 365, subject: "patient_id")
        let offset = try transformer.dateOffset(maxDays: 365, subject: "P-1001")
        let shifted = try transformer.apply(.shiftDate(options), to: value, type: "DATE", subject: "P-1001")
        let parsed = try DateText.parse(shifted, dayFirst: false)
        #expect(days(from: date, to: (parsed.year, parsed.month, parsed.day)) == offset)
        // Same layout: same length unless a 1-digit field became 2 digits; same separators
        // and time.
        let original = try DateText.parse(value, dayFirst: false)
        #expect(String(decoding: parsed.time, as: UTF8.self) == String(decoding: original.time, as: UTF8.self))
        #expect(shifted.filter { !$0.isNumber } == value.filter { !$0.isNumber })
        if original.monthWidth == 2 && original.dayWidth == 2 { #expect(shifted.count == value.count) }
    }

    @Test func sameSubjectKeepsIntervals() throws {
        let transformer = try syntheticTransformer()
        let shift = Transform.shiftDate(DateShift(maxDays: 3650, subject: "id"))
        let admission = try transformer.apply(shift, to: "2021-12-30", type: "DATE", subject: "P-7")
        let discharge = try transformer.apply(shift, to: "2022-01-04", type: "DATE", subject: "P-7")
        let a = try DateText.parse(admission, dayFirst: false)
        let d = try DateText.parse(discharge, dayFirst: false)
        #expect(days(from: (a.year, a.month, a.day), to: (d.year, d.month, d.day)) == 5)
    }

    @Test func dayFirstReadsAndWritesDayMonth() throws {
        let transformer = try syntheticTransformer()
        let offset = try transformer.dateOffset(maxDays: 365, subject: nil)
        let shifted = try transformer.apply(.shiftDate(DateShift(dayFirst: true)), to: "13/05/1984", type: "DATE", subject: nil)
        let parsed = try DateText.parse(shifted, dayFirst: true)
        #expect(days(from: (1984, 5, 13), to: (parsed.year, parsed.month, parsed.day)) == offset)
        expectError(.notADate, notQuoting: "13/05/1984") {
            _ = try transformer.apply(.shiftDate(DateShift()), to: "13/05/1984", type: "DATE", subject: nil)
        }
    }

    @Test(arguments: [
        "2023-02-30", "2023-13-01", "2023-00-10", "0000-01-01", "1984-3-7x", "1984.03.07", "84-03-07",
        "1984-03-07T", "1984-03-07 noon", "hello", "", "2023-02-29", "1984--03-07", "03/07/84",
        "1984-03-07T10:30:00Z and some much longer trailing text here",
    ])
    func invalidOrUnparsableDatesAreRejected(_ value: String) throws {
        let transformer = try syntheticTransformer()
        expectError(.notADate, notQuoting: value.isEmpty ? "\u{0}" : value) {
            _ = try transformer.apply(.shiftDate(DateShift()), to: value, type: "DATE", subject: nil)
        }
    }

    @Test func shiftingPastYear9999IsAnError() throws {
        let transformer = try syntheticTransformer()
        // Find a subject whose offset is positive, then shift the last day of year 9999.
        var subject = 0
        while try transformer.dateOffset(maxDays: 10, subject: String(subject)) < 0 { subject += 1 }
        expectError(.notADate, notQuoting: "9999-12-31") {
            _ = try transformer.apply(.shiftDate(DateShift(maxDays: 10)), to: "9999-12-31", type: "DATE", subject: String(subject))
        }
    }
}
