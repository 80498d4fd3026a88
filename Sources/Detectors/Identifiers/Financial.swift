extension ManagedIdentifiers {
    /// Payment card numbers (with and without a keyword) and the per-country IBAN identifiers.
    static let financial: [ManagedIdentifier] =
        [creditCardNumber, creditCardNumberNoKeyword] + IBANRegistry.countries.map(ibanIdentifier(for:))

    /// Macie's keywords for `CREDIT_CARD_NUMBER` (and, as the ones that must be absent, for
    /// `CREDIT_CARD_NUMBER_(NO_KEYWORD)`), plus a few common spellings and other languages.
    static let creditCardKeywords = [
        // Macie's list.
        "account number", "american express", "amex", "bank card", "c card", "card", "cc #", "ccn",
        "check card", "cred card", "credit", "credit card", "credit cards", "credit no",
        "credit num", "dankort", "debit", "debit card", "debit no", "debit num", "diners club",
        "discover", "electron", "japanese card bureau", "jcb", "mastercard", "mc", "pan",
        "payment account number", "payment card number", "pcn", "pmnt #", "pmnt card", "pmnt no",
        "pmnt number", "union pay", "visa",
        // Common spellings and other languages.
        "cc", "cc#", "cc no", "cc num", "maestro", "unionpay", "diners", "carte bancaire",
        "carte de crédit", "kreditkarte", "kartennummer", "carta di credito", "tarjeta",
        "tarjeta de crédito", "cartão de crédito",
    ]

    /// `CREDIT_CARD_NUMBER`: a payment card number next to a keyword (*credit card*, *visa*,
    /// *cc #*, ...): 13 to 19 digits with a known issuer prefix and length and a Luhn pass, plain
    /// or in the usual groups (4-4-4-4, 4-6-5, 4-6-4, 4-4-5, 4-4-4-4-3, ...) with one kind of
    /// separator, a space or a dash.
    static let creditCardNumber = cardNumberIdentifier(
        id: "CREDIT_CARD_NUMBER", keywordRule: .required,
        summary: "Payment card number near a keyword (credit card, visa, cc #, ...): ")

    /// `CREDIT_CARD_NUMBER_(NO_KEYWORD)`: the same numbers with none of `CREDIT_CARD_NUMBER`'s
    /// keywords near, so that a number is reported under exactly one of the two IDs.
    static let creditCardNumberNoKeyword = cardNumberIdentifier(
        id: "CREDIT_CARD_NUMBER_(NO_KEYWORD)", keywordRule: .absent,
        summary: "Payment card number with no card keyword near: ")

    /// One half of the card number pair; the two differ only in their keyword rule.
    private static func cardNumberIdentifier(id: String, keywordRule: KeywordRule,
                                             summary: String) -> ManagedIdentifier {
        ManagedIdentifier(
            id: id,
            category: .financialInformation,
            severity: .high,
            summary: summary + "13-19 digits, plain or grouped with spaces or dashes; issuer "
                + "prefix and length (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, "
                + "Maestro, Dankort) checked; issuers' test numbers are not reported",
            validation: "issuer prefix and length, Luhn",
            keywords: creditCardKeywords,
            keywordRule: keywordRule,
            trigger: .start(first: .digits, notAfter: .word),
            // Not the PAN-like tail of track data (`;<PAN>=2812...`, `^2812...`), nor the digit
            // groups of a printed IBAN (`GB29 NWBK 6016 1331 9268 19`).
            pattern: NumberBoundary.before + "(?<![0-9]=)(?<!\\^)" + NumberBoundary.notInPrintedIBAN
                + "[0-9]{4}(?:"
                // Plain: the first four digits and 9 to 15 more.
                + "[0-9]{9,15}"
                // Grouped, not continuing a run of groups that starts earlier; one separator throughout.
                + "|(?<![0-9][ -][0-9]{4})([ -])(?:"
                + "[0-9]{6}\\1[0-9]{4,5}"
                + "|[0-9]{4}\\1(?:[0-9]{5}|[0-9]{4}(?:\\1(?:[0-9]{4}(?:\\1[0-9]{1,3})?|[0-9]{1,3}))?)"
                + "))" + NumberBoundary.after + "(?!\\1[0-9])",
            maxLength: 23,
            examples: cardTestNumbers,
            // The first 13 bytes of a match are digits, spaces or dashes: a timestamp
            // (`2024-02-12T18:03:58Z`) stops at its `T`.
            precondition: .run(of: ByteSet("0-9 -"), 13),
            validate: { context in
                let digits = context.digits
                guard PaymentCardNetwork.network(of: digits) != nil, Luhn.isValid(digits) else {
                    return .reject
                }
                return .accept
            }
        )
    }

    /// The issuers' and payment processors' published test card numbers and the numbers Macie
    /// lists as reserved for public testing, which Macie never reports.
    static let cardTestNumbers = Set(macieReservedCardNumbers + processorTestCardNumbers)

    /// The numbers Macie's documentation lists as reserved for public testing (managed data
    /// identifier reference, credit card number), but for its 11-digit Dankort number, shorter
    /// than any number these identifiers match.
    static let macieReservedCardNumbers = [
        "122000000000003", "2222405343248877", "2222990905257051", "2223007648726984",
        "2223577120017656", "30569309025904", "34343434343434", "3528000700000000",
        "3530111333300000", "3566002020360505", "36148900647913", "36700102000000",
        "371449635398431", "378282246310005", "378734493671000", "38520000023237",
        "4012888888881881", "4111111111111111", "4222222222222", "4444333322221111",
        "4462030000000000", "4484070000000000", "4911830000000", "4917300800000000",
        "4917610000000000", "4917610000000000003", "5019717010103742", "5105105105105100",
        "5111010030175156", "5185540810000019", "5200828282828210", "5204230080000017",
        "5204740009900014", "5420923878724339", "5454545454545454", "5455330760000018",
        "5506900490000436", "5506900490000444", "5506900510000234", "5506920809243667",
        "5506922400634930", "5506927427317625", "5553042241984105", "5555553753048194",
        "5555555555554444", "5610591081018250", "6011000990139424", "6011000400000000",
        "6011111111111117", "630490017740292441", "630495060000000000", "6331101999990016",
        "6759649826438453", "6799990100000000019",
    ]

    /// The issuers' and payment processors' published test card numbers (Stripe, PayPal and
    /// Braintree, Adyen, Authorize.net, Worldpay documentation).
    static let processorTestCardNumbers = [
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
    /// four (spaces or, as Macie also accepts, dashes), with the registry's length and BBAN
    /// character classes and a mod-97 pass.
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
                + "\(country.bban)): compact or in groups of four separated by spaces or dashes",
            validation: "registry length and BBAN structure, ISO 7064 mod 97-10",
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
    /// Not the third group or later of an IBAN printed in groups of four (`GB29 NWBK 6016...`):
    /// groups after the bank code can look like a card or domestic account number. (A group
    /// that follows a digit is already excluded by the patterns; this covers groups after a
    /// letter, one lookbehind per position, as lookbehinds have a fixed length.)
    static let notInPrintedIBAN = (1...7).map { groups in
        "(?<![A-Z]{2}[0-9]{2}[ -](?:[0-9A-Za-z]{4}[ -]){\(groups)})"
    }.joined()
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
    /// position, the grouped form having one kind of separator (a space or a dash) before
    /// positions 5, 9, 13, ... (1-based).
    static func pattern(for country: IBANCountry) -> String {
        // Character classes of positions 3... (the check digits, then the BBAN).
        let classes = ["[0-9]", "[0-9]"] + bbanClasses(country.bban)
        var compact = Runs()
        var grouped = Runs()
        for (offset, characterClass) in classes.enumerated() {
            if (offset + 2) % 4 == 0 {
                // One separator throughout: the first is captured, the others refer to it.
                grouped.append(offset == 2 ? "([ -])" : "\\1")
            }
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
            if atom.hasPrefix("["), let last = runs.last, last.atom == atom {
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
