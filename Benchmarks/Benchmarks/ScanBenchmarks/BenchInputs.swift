import Foundation

/// SplitMix64: a small seeded generator, so every run scans the same bytes and the same finding
/// counts can be asserted.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The kinds of sensitive value planted in the rows, named by the finding type each gives.
enum PlantedKind: String, CaseIterable {
    case email = "EMAIL_ADDRESS"
    case card = "CREDIT_CARD_NUMBER"
    case ssn = "USA_SOCIAL_SECURITY_NUMBER"
    case phone = "PHONE_NUMBER"
    case iban = "UK_BANK_ACCOUNT_NUMBER"
    case aws = "AWS_CREDENTIALS"
}

/// One customer row, with at most one planted sensitive value at the end of its notes.
struct BenchRow {
    var id: Int
    var customer: String
    var date: String
    var amount: String
    var currency: String
    var country: String
    var status: String
    var notes: String
    var planted: PlantedKind?
}

/// Deterministic synthetic inputs like `Benchmarks/scripts/compare.py` writes (the same shape,
/// not the same bytes): customer rows with free-text notes, a sensitive value in a given
/// fraction of the rows, and the count of each planted kind.
enum BenchInputs {
    static let first = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
                        "Elizabeth", "Anna", "Lukas", "Sofia", "Mateo", "Emma", "Noah", "Olivia", "Hugo", "Lea", "Paul"]
    static let last = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Martinez",
                       "Wilson", "Taylor", "Moore", "Muller", "Schmidt", "Weber", "Dubois", "Moreau", "Rossi", "Russo"]
    static let words = ("the customer asked about delivery window and was told the order would ship next week "
        + "after stock arrives from the regional warehouse please follow up if the tracking number "
        + "does not update within two business days refund approved partial credit applied to "
        + "account preferred contact by email morning only gift wrap requested invoice resent "
        + "address verified duplicate order cancelled escalated to tier two closed resolved")
        .split(separator: " ").map(String.init)
    static let statuses = ["open", "pending", "shipped", "closed", "refunded"]
    static let currencies = ["USD", "EUR", "GBP"]
    static let countries = ["US", "DE", "GB", "FR", "ES", "IT"]
    static let base32 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    static let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")

    /// Rows totalling about `bytes` bytes of CSV, a sensitive value in `density` of them.
    static func rows(bytes: Int, density: Double, seed: UInt64 = 7) -> [BenchRow] {
        var rng = SeededGenerator(seed: seed)
        var rows: [BenchRow] = []
        var total = 0
        while total < bytes {
            let n = rows.count + 1
            let firstName = first.randomElement(using: &rng)!
            let lastName = last.randomElement(using: &rng)!
            var notes = (0..<Int.random(in: 4..<14, using: &rng)).map { _ in words.randomElement(using: &rng)! }
                .joined(separator: " ")
            var planted: PlantedKind?
            if Double.random(in: 0..<1, using: &rng) < density {
                let kind = PlantedKind.allCases.randomElement(using: &rng)!
                notes += " " + value(kind, first: firstName, last: lastName, row: n, using: &rng)
                planted = kind
            }
            let row = BenchRow(
                id: 1_000_000 + n, customer: "\(firstName) \(lastName)",
                date: "2024-\(pad2(Int.random(in: 1...12, using: &rng)))-\(pad2(Int.random(in: 1...28, using: &rng)))",
                amount: "\(Int.random(in: 1...999, using: &rng)).\(pad2(Int.random(in: 0...99, using: &rng)))",
                currency: currencies.randomElement(using: &rng)!, country: countries.randomElement(using: &rng)!,
                status: statuses.randomElement(using: &rng)!, notes: notes, planted: planted)
            total += csvLine(row).utf8.count
            rows.append(row)
        }
        return rows
    }

    static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func value(_ kind: PlantedKind, first: String, last: String, row: Int,
                      using rng: inout SeededGenerator) -> String {
        switch kind {
        case .email:
            return "contact \(first.lowercased()).\(last.lowercased())\(row)@example.com"
        case .card:
            return "card " + luhnComplete(prefix: [4, 9], length: 16, using: &rng)
        case .ssn:
            var area = 666
            while area == 666 { area = Int.random(in: 1..<900, using: &rng) }
            let group = Int.random(in: 1..<100, using: &rng), serial = Int.random(in: 1..<10000, using: &rng)
            return "ssn " + String(format: "%03d-%02d-%04d", area, group, serial)
        case .phone:
            var area = "211"
            while area.hasSuffix("11") {
                area = "\(Int.random(in: 2...9, using: &rng))\(Int.random(in: 0...9, using: &rng))\(Int.random(in: 0...9, using: &rng))"
            }
            return "call (\(area)) 555-01\(pad2(Int.random(in: 0...99, using: &rng)))"
        case .iban:
            let bank = String((0..<4).map { _ in letters.randomElement(using: &rng)! })
            let bban = bank + String((0..<14).map { _ in Character("\(Int.random(in: 0...9, using: &rng))") })
            // ISO 13616: move "GB00" to the end, letters to numbers, 98 - (n mod 97).
            var remainder = 0
            for c in (bban + "GB00") {
                let digits = c.isLetter ? "\(Int(c.asciiValue!) - 55)" : String(c)
                for d in digits { remainder = (remainder * 10 + Int(String(d))!) % 97 }
            }
            return "iban GB" + pad2(98 - remainder) + bban
        case .aws:
            return "aws_access_key_id AKIA" + String((0..<16).map { _ in base32.randomElement(using: &rng)! })
        }
    }

    static func luhnComplete(prefix: [Int], length: Int, using rng: inout SeededGenerator) -> String {
        var digits = prefix + (0..<(length - prefix.count - 1)).map { _ in Int.random(in: 0...9, using: &rng) }
        var total = 0
        for (i, d) in digits.reversed().enumerated() {
            var v = d
            if i % 2 == 0 { v *= 2; if v > 9 { v -= 9 } }
            total += v
        }
        digits.append((10 - total % 10) % 10)
        return digits.map(String.init).joined()
    }

    static let csvHeader = "id,customer,signup_date,amount,currency,country,status,notes\n"

    static func csvLine(_ r: BenchRow) -> String {
        "\(r.id),\(r.customer),\(r.date),\(r.amount),\(r.currency),\(r.country),\(r.status),\"\(r.notes)\"\n"
    }

    static func jsonLine(_ r: BenchRow) -> String {
        #"{"id":\#(r.id),"customer":"\#(r.customer)","signup_date":"\#(r.date)","amount":\#(r.amount),"#
            + #""currency":"\#(r.currency)","country":"\#(r.country)","status":"\#(r.status)","notes":"\#(r.notes)"}"#
            + "\n"
    }

    static func csv(_ rows: [BenchRow]) -> [UInt8] {
        var text = csvHeader
        for r in rows { text += csvLine(r) }
        return Array(text.utf8)
    }

    static func jsonLines(_ rows: [BenchRow]) -> [UInt8] {
        var text = ""
        for r in rows { text += jsonLine(r) }
        return Array(text.utf8)
    }

    /// The notes alone, one row per line: free text.
    static func text(_ rows: [BenchRow]) -> [UInt8] {
        var text = ""
        for r in rows { text += r.notes + "\n" }
        return Array(text.utf8)
    }

    /// The count of each planted kind, by finding type.
    static func planted(_ rows: [BenchRow]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for r in rows { if let kind = r.planted { counts[kind.rawValue, default: 0] += 1 } }
        return counts
    }

    /// `megabytes` lines of one megabyte: random digits, `a` or `@` (the adversarial inputs).
    static func adversarial(_ byte: UInt8?, megabytes: Int, seed: UInt64 = 7) -> [UInt8] {
        var rng = SeededGenerator(seed: seed)
        var line = [UInt8](repeating: byte ?? 0, count: 1_000_000)
        if byte == nil {
            for i in line.indices { line[i] = UInt8(ascii: "0") + UInt8(rng.next() % 10) }
        }
        line[line.count - 1] = UInt8(ascii: "\n")
        var out: [UInt8] = []
        out.reserveCapacity(line.count * megabytes)
        for _ in 0..<megabytes { out += line }
        return out
    }
}
