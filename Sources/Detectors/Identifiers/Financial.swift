extension ManagedIdentifiers {
    /// Payment card numbers and the 52 per-country IBAN identifiers.
    static let financial: [ManagedIdentifier] =
        [creditCardNumber] + IBANRegistry.countries.map(ibanIdentifier(for:))

    /// `CREDIT_CARD_NUMBER`: 13 to 19 digits with a known issuer prefix and length and a Luhn
    /// pass, plain or in the usual groups (4-4-4-4, 4-6-5, 4-6-4, 4-4-5, 4-4-4-4-3, ...) with
    /// one kind of separator, a space or a dash.
    ///
    /// Macie also has a keyword variant (`CREDIT_CARD_NUMBER` needing *credit card*, *visa*, ...
    /// next to `CREDIT_CARD_NUMBER_(NO_KEYWORD)`); this one needs no keyword.
    static let creditCardNumber = ManagedIdentifier(
        id: "CREDIT_CARD_NUMBER",
        category: .financialInformation,
        severity: .high,
        summary: "Payment card number: 13-19 digits, plain or grouped with spaces or dashes; "
            + "issuer prefix and length (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, "
            + "Maestro) and Luhn checked; issuers' test numbers are not reported",
        trigger: .start(first: .digits, notAfter: .word),
        pattern: NumberBoundary.before + "[0-9]{4}(?:"
            // Plain: the first four digits and 9 to 15 more.
            + "[0-9]{9,15}"
            // Grouped, not continuing a run of groups that starts earlier; one separator throughout.
            + "|(?<![0-9][ -][0-9]{4})([ -])(?:"
            + "[0-9]{6}\\1[0-9]{4,5}"
            + "|[0-9]{4}\\1(?:[0-9]{5}|[0-9]{4}(?:\\1(?:[0-9]{4}(?:\\1[0-9]{1,3})?|[0-9]{1,3}))?)"
            + "))" + NumberBoundary.after + "(?!\\1[0-9])",
        maxLength: 23,
        examples: cardTestNumbers,
        precondition: Precondition(.digits, atLeast: 13, within: 23),
        validate: { context in
            let digits = context.digits
            guard PaymentCardNetwork.network(of: digits) != nil, Luhn.isValid(digits) else {
                return .reject
            }
            return .accept
        }
    )

    /// The issuers' and payment processors' published test card numbers (Stripe, PayPal and
    /// Braintree, Adyen, Authorize.net, Worldpay documentation), which Macie never reports.
    static let cardTestNumbers: Set<String> = [
        // Visa
        "4242424242424242", "4000056655665556", "4000002500001001", "4000000000000077",
        "4000000000000002", "4000000000009995", "4000000000000069", "4000000000000127",
        "4000000000000119", "4100000000000019", "4000000000000101", "4000000000003220",
        "4000002760003184", "4000000000003063", "4000000000000341", "4000008400001629",
        "4111111111111111", "4005519200000004", "4009348888881881", "4012000033330026",
        "4012000077777777", "4012888888881881", "4217651111111119", "4500600000000061",
        "4000111111111115", "4222222222222", "4111111145551142", "4988438843884305",
        "4166676667666746", "4646464646464644", "4000620000000007", "4400000000000008",
        "4977949494949497", "4007000000027", "4012888818888",
        // Mastercard
        "5555555555554444", "2223003122003222", "5200828282828210", "5105105105105100",
        "5555552500001001", "2223000048400011", "5555341244441115", "5577000055770004",
        "5136333333333335", "5585558555855583", "5555444433331111", "2222400070000005",
        "5101180000000007", "5431111111111111", "5500000000000004", "5424000000000015",
        "2223000010309703", "2223000010309711",
        // American Express
        "378282246310005", "371449635398431", "378734493671000", "370000000000002",
        "340000000000009",
        // Discover
        "6011111111111117", "6011000990139424", "6011981111111113", "6011601160116611",
        "6011000000000004", "6011000000000012",
        // Diners Club
        "3056930009020004", "36227206271667", "30569309025904", "38520000023237",
        "36006666333344", "30000000000004", "38000000000006",
        // JCB
        "3566002020360505", "3530111333300000", "3569990010095841",
        // UnionPay
        "6200000000000005", "6200000000000047", "6205500000000000004", "6250946000000016",
        "6243030000000001",
        // Maestro
        "6304000000000000", "6759649826438453", "5019717010103742",
    ]

    /// `<COUNTRY>_BANK_ACCOUNT_NUMBER`: an IBAN of `country`, compact or printed in groups of
    /// four, with the registry's length and BBAN character classes and a mod-97 pass.
    ///
    /// The registry's own example IBANs stay reportable (Macie does not document suppressing
    /// them), so tests can use them.
    static func ibanIdentifier(for country: IBANCountry) -> ManagedIdentifier {
        let length = country.length
        return ManagedIdentifier(
            id: country.identifierID,
            category: .financialInformation,
            severity: .high,
            summary: "IBAN of \(country.macieName) (\(country.code), \(length) characters, BBAN "
                + "\(country.bban)): compact or in groups of four; ISO 13616 mod-97 checked",
            trigger: .literal([country.code], notAfter: .word),
            pattern: IBANPattern.pattern(for: country),
            maxLength: length + (length - 1) / 4,
            precondition: Precondition(.digits, atLeast: 2, within: 4),
            validate: { context in
                let iban = Array(context.compacted().utf8)
                guard iban.count == length, Mod97.ibanRemainder(iban) == 1 else { return .reject }
                return .accept
            }
        )
    }
}

/// Left and right edges shared by the numeric identifiers' patterns.
enum NumberBoundary {
    /// Not a continuation of a decimal (`3.`) or a dash-joined digit run (`1-`).
    static let before = "(?<![0-9][.-])"
    /// Not followed by a letter, digit or `_`, nor by `.` or `-` and a digit.
    static let after = "(?![0-9A-Za-z_]|[.-][0-9])"
}

/// A payment card network: the leading digits it issues under and its number lengths.
struct PaymentCardNetwork: Sendable {
    let name: String
    /// Ranges of leading digits; each compares as many leading digits as its bounds have.
    let prefixes: [ClosedRange<Int>]
    let lengths: Set<Int>

    static let all: [PaymentCardNetwork] = [
        PaymentCardNetwork(name: "Visa", prefixes: [4...4], lengths: [13, 16, 19]),
        PaymentCardNetwork(name: "Mastercard", prefixes: [51...55, 2221...2720], lengths: [16]),
        PaymentCardNetwork(name: "American Express", prefixes: [34...34, 37...37], lengths: [15]),
        PaymentCardNetwork(name: "Discover", prefixes: [6011...6011, 644...649, 65...65],
                           lengths: Set(16...19)),
        PaymentCardNetwork(name: "JCB", prefixes: [3528...3589], lengths: Set(16...19)),
        PaymentCardNetwork(name: "Diners Club", prefixes: [300...305, 36...36, 38...39],
                           lengths: Set(14...19)),
        PaymentCardNetwork(name: "UnionPay", prefixes: [62...62], lengths: Set(16...19)),
        // Maestro issues 12 to 19 digits; 13 is this identifier's minimum.
        PaymentCardNetwork(name: "Maestro",
                           prefixes: [50...50, 56...58, 6304...6304, 6759...6759, 6761...6763],
                           lengths: Set(13...19)),
    ]

    /// The network whose prefix and length fit `digits`, if any.
    static func network(of digits: [Int]) -> PaymentCardNetwork? {
        all.first { $0.issues(digits) }
    }

    /// Whether this network issues numbers of this length starting with these digits.
    func issues(_ digits: [Int]) -> Bool {
        guard lengths.contains(digits.count) else { return false }
        return prefixes.contains { range in
            let width = String(range.lowerBound).count
            let leading = digits.prefix(width).reduce(0) { $0 * 10 + $1 }
            return range.contains(leading)
        }
    }
}

/// Builds an IBAN pattern from a registry entry.
enum IBANPattern {
    /// `DE[0-9]{2}(?:<compact>|<grouped>)` with the country's character class at every
    /// position, the grouped form having a space before positions 5, 9, 13, ... (1-based).
    static func pattern(for country: IBANCountry) -> String {
        // Character classes of positions 3... (the check digits, then the BBAN).
        let classes = ["[0-9]", "[0-9]"] + bbanClasses(country.bban)
        var compact = Runs()
        var grouped = Runs()
        for (offset, characterClass) in classes.enumerated() {
            if (offset + 2) % 4 == 0 { grouped.append(" ") }
            compact.append(characterClass)
            grouped.append(characterClass)
        }
        return country.code + "(?:" + compact.text + "|" + grouped.text + ")"
            + "(?![0-9A-Za-z_])"
    }

    /// One regex class per BBAN position, from notation such as `4!a6!n8!n`. (A table entry
    /// whose notation disagrees with its length yields IBANs the validator rejects; a test
    /// checks every entry.)
    static func bbanClasses(_ notation: String) -> [String] {
        var classes: [String] = []
        var count = 0
        for character in notation {
            if let digit = character.wholeNumberValue {
                count = count * 10 + digit
            } else if character != "!" {
                let characterClass = switch character {
                case "n": "[0-9]"
                case "a": "[A-Z]"
                default: "[0-9A-Za-z]"
                }
                classes += Array(repeating: characterClass, count: count)
                count = 0
            }
        }
        return classes
    }

    /// Regex text with consecutive repeats of one class written once with a count.
    struct Runs {
        private var runs: [(atom: String, count: Int)] = []

        mutating func append(_ atom: String) {
            if atom != " ", let last = runs.last, last.atom == atom {
                runs[runs.count - 1].count += 1
            } else {
                runs.append((atom, 1))
            }
        }

        var text: String {
            runs.map { $0.count > 1 ? "\($0.atom){\($0.count)}" : $0.atom }.joined()
        }
    }
}
