@testable import Detectors
import Testing

/// Identity codes the Digital and Population Data Services Agency (DVV) publishes as examples:
/// 131052-308T from its description of the personal identity code, and the examples of the
/// century signs introduced in 2023 (Y, X, W, V, U for the 1900s; B, C, D, E, F for the 2000s).
private let dvvExamples = [
    "131052-308T",
    "010594Y9032", "010594Y9021", "020594X903P", "020594X902N", "030594W903B", "030694W9024",
    "040594V9030", "040594V902Y", "050594U903M", "050594U902L", "010516B903X", "010516B902W",
    "020516C903K", "020516C902J", "030516D9037", "030516D9026", "010501E9032", "020502E902X",
    "020503F9037", "020504A902E", "020504B904H",
]

@Suite("Finnish personal identity code")
struct FinnishPersonalIdentityCodeTests {
    @Test("DVV's examples pass", arguments: dvvExamples)
    func published(code: String) {
        #expect(FinnishPersonalIdentityCode.isValid(code.utf8))
    }

    @Test("the computed check character is the published one", arguments: dvvExamples)
    func checkCharacter(code: String) {
        let chars = Array(code)
        let digits = (chars[0..<6] + chars[7..<10]).compactMap(\.wholeNumberValue)
        #expect(FinnishPersonalIdentityCode.checkCharacter(for: digits) == chars[10])
    }

    @Test("any other check character fails", arguments: dvvExamples)
    func mutatedCheckCharacter(code: String) {
        for replacement in "0123456789ABCDEFHJKLMNPRSTUVWXY" where replacement != code.last {
            #expect(!FinnishPersonalIdentityCode.isValid((code.dropLast() + String(replacement)).utf8))
        }
    }

    @Test("impossible dates, individual numbers and signs fail", arguments: [
        "310252-308Y",  // 31 February (right check character)
        "290200-101K",  // 29 February 1900 (not a leap year)
        "131052-001W",  // individual number 001 (right check character)
        "131052G308T",  // no such century sign
        "131052-308",   // too short
        "13105A-308T",
    ])
    func invalid(code: String) {
        #expect(!FinnishPersonalIdentityCode.isValid(code.utf8))
    }

    @Test("29 February exists in leap years")
    func leapYear() {
        let digits = [2, 9, 0, 2, 0, 0, 1, 0, 1]
        guard let check = FinnishPersonalIdentityCode.checkCharacter(for: digits) else {
            Issue.record("no check character")
            return
        }
        #expect(FinnishPersonalIdentityCode.isValid("290200A101\(check)".utf8))
        #expect(!FinnishPersonalIdentityCode.isValid("290200-101\(check)".utf8))
        #expect(FinnishPersonalIdentityCode.checkCharacter(for: [1, 2]) == nil)
    }
}
