import Testing
@testable import Detectors

/// The SIMD classifier and the grouped candidate loop against their scalar twins.
@Suite struct PrefilterTests {
    /// A deterministic generator, so a failure reproduces.
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let sets: [ByteSet] = [.digits, .hexDigits, .word, ByteSet("0-9.-"), ByteSet("A-Za-z0-9+/"),
                                  ByteSet(bytes: [0, 0x7F, 0x80, 0xFF]), .everything, .empty,
                                  ByteSet(bytes: stride(from: 0, through: 255, by: 3).map { UInt8($0) })]

    @Test func rangesRebuildTheSet() {
        var rng = Rng(state: 1)
        for _ in 0..<50 {
            var set = ByteSet()
            for _ in 0..<rng.below(40) { set.insert(UInt8(rng.below(256))) }
            #expect(ByteSet(bytes: set.ranges.flatMap { Array($0) }) == set)
        }
        #expect(ByteSet.digits.ranges == [0x30...0x39])
    }

    @Test func classifierMatchesScalarAtEveryLengthAndAlignment() {
        var rng = Rng(state: 2)
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: 400)
        defer { storage.deallocate() }
        for set in Self.sets {
            let classifier = ByteClassifier(set)
            for count in 0...260 {
                let offset = rng.below(64)
                for k in 0..<(count + offset) {
                    storage[k] = rng.below(3) == 0 ? UInt8(0x30 + rng.below(10)) : UInt8(rng.below(256))
                }
                let base = UnsafePointer(storage + offset)
                let words = (count + 63) / 64 + 1
                var fast = [UInt64](repeating: 0xDEAD, count: words)
                var slow = [UInt64](repeating: 0xBEEF, count: words)
                let firstWord = count == 0 ? 0 : rng.below((count + 63) / 64)
                let split = firstWord + rng.below((count + 63) / 64 - firstWord + 1)
                fast.withUnsafeMutableBufferPointer {
                    classifier.fill(base, count: count, fromWord: firstWord, toWord: split, into: $0.baseAddress!)
                    classifier.fill(base, count: count, fromWord: split, into: $0.baseAddress!)
                }
                slow.withUnsafeMutableBufferPointer { classifier.fillScalar(base, count: count, fromWord: firstWord, into: $0.baseAddress!) }
                #expect(Array(fast[firstWord...]) == Array(slow[firstWord...]), "count \(count) offset \(offset)")
            }
        }
    }

    @Test func bitmapPreconditionsAgreeWithHolds() throws {
        var rng = Rng(state: 3)
        var preconditions: [Precondition] = []
        for set in Self.sets {
            for _ in 0..<12 {
                let within = 1 + rng.below(70)
                preconditions.append(Precondition(set, atLeast: 1 + rng.below(within), within: within))
            }
        }
        let tables = PrefilterTables(checks: [], first: [Int](repeating: 0, count: 257),
                                     blockedAfter: [ByteSet](repeating: .everything, count: 256), pool: [],
                                     gatedPreconditions: preconditions)
        for count in [0, 1, 7, 56, 57, 63, 64, 65, 130, 300, 5000, 9000] {
            var bytes = (0..<count).map { _ in rng.below(2) == 0 ? UInt8(0x30 + rng.below(10)) : UInt8(rng.below(256)) }
            bytes.withUnsafeMutableBufferPointer { buffer in
                let base = UnsafePointer(buffer.baseAddress ?? UnsafeMutablePointer<UInt8>.allocate(capacity: 1))
                let lower = count == 0 ? 0 : rng.below(count)
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: CandidateBits.storageWords(count: count, tables: tables)) { words in
                    var bits = CandidateBits(tables: tables, base: base, count: count, firstWord: lower / 64,
                                             storage: words.baseAddress!)
                    for start in stride(from: lower, to: count, by: count > 1000 ? 13 : 1) {
                        for p in preconditions {
                            let index = Int32(tables.preconditionIndex[p]!)
                            #expect(bits.holds(index, at: start) == p.holds(base, start, count),
                                    "\(p) at \(start) of \(count)")
                        }
                    }
                }
            }
        }
    }

    /// Bytes that trigger the catalog's checks often: digits, separators, letters, `@`, `:`,
    /// and fragments of its literals.
    static func triggerHeavy(_ rng: inout Rng, count: Int) -> [UInt8] {
        let fragments = ["AKIA", "-----BEGIN ", "eyJ", "xoxb-", "ghp_", "0", "01", "(0", "+", "+44 ", "@", "::",
                         ":", ".", "-", " ", ",", "SK", "ET", "GB", "DE89", "npm_", "glpat-", "Basic ", "Cookie:",
                         "sk_live_", "Jan ", "(01)", "6061", "%B", ";", "=", "_", "a.b", "x@y.com", "192.168.",
                         "4111", "123-45-", "\n", "Z", "abc", "ABC"]
        var out: [UInt8] = []
        while out.count < count {
            switch rng.below(4) {
            case 0: out += Array(fragments[rng.below(fragments.count)].utf8)
            case 1: out += (0..<rng.below(20)).map { _ in UInt8(0x30 + rng.below(10)) }
            case 2: out.append(UInt8(rng.below(256)))
            default: out.append(UInt8(0x41 + rng.below(58)))
            }
        }
        return Array(out.prefix(count))
    }

    static func candidates(_ tables: PrefilterTables, _ bytes: [UInt8], owned: Range<Int>, scanEnd: Int,
                           reference: Bool) -> Set<[Int]> {
        var found = Set<[Int]>()
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            if reference {
                tables.forEachCandidateReference(base, count: count, owned: owned, scanEnd: scanEnd) { found.insert([$0, $1]) }
                return
            }
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: CandidateBits.storageWords(count: count, tables: tables)) { words in
                var bits = CandidateBits(tables: tables, base: base, count: count, firstWord: owned.lowerBound / 64,
                                         storage: words.baseAddress!)
                tables.forEachCandidate(base, count: count, owned: owned, scanEnd: scanEnd, bits: &bits) { found.insert([$0, $1]) }
            }
        }
        return found
    }

    @Test func groupedCandidatesEqualThePerCheckReference() throws {
        let engine = try ScanEngine(configuration: ScanConfiguration())
        let tables = engine.prefilter.tables
        var rng = Rng(state: 4)
        var inputs: [[UInt8]] = [
            [UInt8](repeating: UInt8(ascii: "7"), count: 3000), [UInt8](repeating: UInt8(ascii: "a"), count: 3000),
            [UInt8](repeating: UInt8(ascii: "@"), count: 3000), [UInt8](repeating: UInt8(ascii: ":"), count: 500),
            Array("order 2024-02-12T18:03:58Z SKU-00259 ssn 123-45-6789 card 4929 1234 5678 9012 x@y.org".utf8),
        ]
        for _ in 0..<60 { inputs.append(Self.triggerHeavy(&rng, count: 1 + rng.below(700))) }
        for bytes in inputs {
            let count = bytes.count
            let lower = rng.below(2) == 0 ? 0 : rng.below(count)
            let upper = lower + rng.below(count - lower + 1)
            let scanEnd = min(count, upper + engine.prefilter.maxPivotBack)
            guard lower < scanEnd else { continue }
            let fast = Self.candidates(tables, bytes, owned: lower..<upper, scanEnd: scanEnd, reference: false)
            let slow = Self.candidates(tables, bytes, owned: lower..<upper, scanEnd: scanEnd, reference: true)
            #expect(fast == slow, "input \(bytes) owned \(lower)..<\(upper) ids \(fast.symmetricDifference(slow).map { engine.compiled[$0[0]].definition.id })")
        }
    }
}

@Test func gatedByNamesAgreesWithKeywordsInNames() throws {
    let engine = try ScanEngine(configuration: ScanConfiguration())
    let prefilter = engine.prefilter
    var names: [[String]] = [["ssn"], ["DateOfBirth"], ["date_of_birth"], ["user", "passport_no"], ["x"], [""],
                             ["Driver's License"], ["dl"], ["health insurance claim number"], ["order_id"],
                             ["personnummer"], ["customer", "tax id"], ["NHS number"], ["BSN"], ["nif"]]
    for identifier in prefilter.gatedIdentifiers {
        for keyword in engine.compiled[identifier].definition.keywords.prefix(3) {
            names.append([keyword.uppercased()])
            names.append(["my_" + keyword.split(separator: " ").joined(separator: "_")])
        }
    }
    for list in names {
        let expected = prefilter.gatedIdentifiers.filter {
            Keywords.inNames(list, keywords: engine.compiled[$0].definition.keywords) != nil
        }
        #expect(prefilter.gatedByNames(list) == expected, "\(list)")
    }
}

@Test func characterCountMatchesScalarAtEveryLengthAndAlignment() {
    var rng = PrefilterTests.Rng(state: 5)
    let storage = (0..<400).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
    storage.withUnsafeBytes { raw in
        for offset in 0..<33 {
            for count in 0..<(400 - offset) {
                let base = raw.baseAddress! + offset
                #expect(LineCursor.characterCount(base, count) == LineCursor.characterCountScalar(base, count))
            }
        }
    }
}
