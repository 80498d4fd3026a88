import Testing
@testable import Detectors

@Suite("EMAIL_ADDRESS")
struct ContactEmailAddressTests {
    @Test("addresses are found with exact extents", arguments: [
        ("mail bob@example.com", "bob@example.com"),
        ("jo.doe+tag@mail.example.co.uk wrote", "jo.doe+tag@mail.example.co.uk"),
        ("x_y%z-w@sub-domain.example.org", "x_y%z-w@sub-domain.example.org"),
        ("Contact: <alice@example.com>.", "alice@example.com"),
        ("Write to bob@example.com.", "bob@example.com"),
        ("mailto:bob@example.com", "bob@example.com"),
        ("email='carol@example.net'", "carol@example.net"),
        ("\"user\":\"dan@example.io\"", "dan@example.io"),
        ("UPPER.Case@Example.COM", "UPPER.Case@Example.COM"),
    ])
    func found(text: String, expected: String) throws {
        #expect(try values("EMAIL_ADDRESS", in: text) == [expected])
    }

    @Test("near misses are not addresses", arguments: [
        "bob@localhost",                 // no TLD
        "bob@example",                   // no TLD
        "bob@example.c",                 // one-letter TLD
        "bob..x@example.com",            // empty atom
        "bob.@example.com",              // trailing dot in the local part
        "bob@-example.com",              // label starting with a hyphen
        "bob@example-.com",              // label ending with a hyphen
        "bob@example.com_suffix",        // part of a longer token
        "bob@example.com-suffix",
        "icon@2x.png",                   // an image name
        "@example.com",                  // no local part
        "bob@1.2.3.4",                   // numeric TLD
    ])
    func notFound(text: String) throws {
        #expect(try values("EMAIL_ADDRESS", in: text).isEmpty)
    }

    @Test func aLocalPartLongerThan64IsNotAnAddress() throws {
        let local = String(repeating: "a", count: 65)
        #expect(try values("EMAIL_ADDRESS", in: "\(local)@example.com").isEmpty)
        let ok = String(repeating: "a", count: 64)
        #expect(try values("EMAIL_ADDRESS", in: "\(ok)@example.com") == ["\(ok)@example.com"])
    }

    @Test func twoAddressesInALine() throws {
        #expect(try values("EMAIL_ADDRESS", in: "a@example.com,b@example.org")
            == ["a@example.com", "b@example.org"])
    }
}

@Suite("PHONE_NUMBER")
struct ContactPhoneNumberTests {
    @Test("punctuated and international numbers need no keyword", arguments: [
        ("call (212) 555-0143 now", "(212) 555-0143"),
        ("(212)555-0143", "(212)555-0143"),
        ("212-555-0143", "212-555-0143"),
        ("212.555.0143", "212.555.0143"),
        ("+1 212 555 0143", "+1 212 555 0143"),
        ("+1-212-555-0143", "+1-212-555-0143"),
        ("+1 (212) 555-0143", "+1 (212) 555-0143"),
        ("1-212-555-0143", "1-212-555-0143"),
        ("1 (212) 555-0143", "1 (212) 555-0143"),
        ("+12125550143", "+12125550143"),
        ("+353-1-234-5678.", "+353-1-234-5678"),
        ("+7 495 123-45-67", "+7 495 123-45-67"),
        ("+61.2.9876.5432", "+61.2.9876.5432"),
        ("(+61) 2 9876 5432", "(+61) 2 9876 5432"),
        ("(+353 1 234 5678)", "+353 1 234 5678"),
        ("001 212 555 0143", "001 212 555 0143"),
        ("+1 (212) 555-0199", "+1 (212) 555-0199"),
    ])
    func found(text: String, expected: String) throws {
        #expect(try values("PHONE_NUMBER", in: text) == [expected])
    }

    @Test("bare or spaced NANP numbers need a keyword", arguments: [
        ("2125550143", "2125550143"),
        ("212 555 0143", "212 555 0143"),
        ("12125550143", "12125550143"),
        ("212-555.0143", "212-555.0143"),
    ])
    func keyworded(number: String, expected: String) throws {
        #expect(try values("PHONE_NUMBER", in: "id \(number)").isEmpty)
        #expect(try values("PHONE_NUMBER", in: "phone: \(number)") == [expected])
        #expect(try values("PHONE_NUMBER", in: "Mobile \(number)") == [expected])
        #expect(try values("PHONE_NUMBER", in: "fax no. \(number)") == [expected])
    }

    @Test("near misses are not phone numbers", arguments: [
        "(123) 555-0143",            // area code starting with 1
        "123-555-0143",
        "212-911-0143",              // N11 exchange
        "911-555-0143",              // N11 area code
        "212-055-0143",              // exchange starting with 0
        "+1 123 555 0143",
        "+1 212 911 0143",
        "phone 2125550143999",       // long digit run
        "tel 1234567890",
        "2024-01-15",                // dates and times
        "12/25/2024",
        "2024-01-15T12:30:45Z",
        "12:30:45",
        "version 10.2.345.6789",     // versions and addresses
        "1.2.3.4",
        "192.168.100.200",
        "4111 1111 1111 1111",       // card numbers
        "4111-1111-1111-1111",
        "5555555555554444",
        "+999 1234 5678",            // unassigned country code
        "+44 20",                    // too short
        "+44 20 7946 0958 1234 5678 9",  // more than 15 digits
        "+0 212 555 0143",
        "+44 (20 7946 0958",         // unbalanced parenthesis
        "1e+10",
        "212-555-0143-5678",
        "ticket 212.555.0143.12",
    ])
    func notFound(text: String) throws {
        #expect(try values("PHONE_NUMBER", in: text).isEmpty)
    }

    @Test func aColumnNamedPhoneMakesBareNumbersEligible() throws {
        var configuration = ScanConfiguration()
        configuration.include = ["PHONE_NUMBER"]
        let engine = try ScanEngine(configuration: configuration)
        var sink = FindingCollector()
        _ = engine.scan(record: [("mobilePhone", "2125550143"), ("orderId", "2125550143")], recordIndex: 0,
                        scratch: engine.makeScratch(), into: &sink)
        #expect(sink.findings.map(\.location) == [.record(recordIndex: 0, jsonPath: "$.mobilePhone", offset: 0, length: 10)])
        #expect(sink.findings.first?.keyword != nil)
    }

    @Test("country calling codes are prefix-free and read greedily", arguments: [
        ([4, 4, 2, 0], 44), ([1, 2, 1, 2], 1), ([3, 5, 3, 1], 353), ([7, 4, 9, 5], 7),
        ([8, 8, 6, 2], 886), ([2, 1, 2, 6], 212),
    ])
    func callingCodes(digits: [Int], code: Int) {
        #expect(CountryCallingCodes.prefix(of: digits)?.code == code)
    }

    @Test func unassignedCallingCodes() {
        for digits in [[2, 1, 0, 5], [9, 9, 9, 1], [0, 4, 4, 1], [8, 3, 0, 1], [4, 2, 2, 1]] {
            #expect(CountryCallingCodes.prefix(of: digits) == nil)
        }
        // No assigned code begins another.
        for code in CountryCallingCodes.assigned {
            var shorter = code / 10
            while shorter > 0 {
                #expect(!CountryCallingCodes.assigned.contains(shorter))
                shorter /= 10
            }
        }
    }
}

@Suite("IP_ADDRESS")
struct ContactIPAddressTests {
    @Test("addresses are found with exact extents", arguments: [
        ("from 10.0.0.1 to", "10.0.0.1"),
        ("host 192.168.1.254:8080", "192.168.1.254"),
        ("255.255.255.255", "255.255.255.255"),
        ("0.0.0.0", "0.0.0.0"),
        ("ip:10.1.2.3", "10.1.2.3"),
        ("Server at 10.0.0.1.", "10.0.0.1"),
        ("net 172.16.0.0/12", "172.16.0.0"),
        ("::1", "::1"),
        ("fe80::1ff:fe23:4567:890a", "fe80::1ff:fe23:4567:890a"),
        ("prefix 2001:db8:: here", "2001:db8::"),
        ("::ffff:192.0.2.128", "::ffff:192.0.2.128"),
        ("64:ff9b::198.51.100.7", "64:ff9b::198.51.100.7"),
        ("2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:0db8:85a3:0000:0000:8a2e:0370:7334"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("fe80::1%eth0", "fe80::1"),
        ("addr=FE80::0202:B3FF:FE1E:8329", "FE80::0202:B3FF:FE1E:8329"),
        ("addr: fe80::1", "fe80::1"),
        ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7::"),
        ("0:0:0:0:0:ffff:10.0.0.1", "0:0:0:0:0:ffff:10.0.0.1"),
        ("ip:fe80::1", "fe80::1"),                       // glued to a label by a colon
        ("IPv6:2001:db8::1", "2001:db8::1"),
        ("addr:2001:db8:0:0:1:0:0:1", "2001:db8:0:0:1:0:0:1"),
        ("src_ip:2001:db8::5 ok", "2001:db8::5"),
    ])
    func found(text: String, expected: String) throws {
        #expect(try values("IP_ADDRESS", in: text) == [expected])
    }

    @Test func severalAddressesInALogLine() throws {
        #expect(try values("IP_ADDRESS", in: "src=::1 dst=::ffff:10.0.0.7 via 10.0.0.1:443 [2001:db8::5]")
            == ["::1", "::ffff:10.0.0.7", "10.0.0.1", "2001:db8::5"])
    }

    @Test("near misses are not addresses", arguments: [
        "1.2.3.4.5",                 // a version, either side
        "v10.0.0.1.2",
        "release 1.2.3.4.5.6",
        "OID 1.3.6.1.4.1",
        "256.1.1.1",                 // octet over 255
        "1.2.3.256",
        "01.2.3.4",                  // leading zero
        "10.0.0.01",
        "1.2.3",
        "x1.2.3.4",
        "12:30:45",                  // times
        "at 12:30",
        "::",                        // nothing but ::
        "dead:beef",                 // hex pairs
        "a:b",
        "cafe::babe",                // no digit: words
        "Foo::Bar",
        "00:1A:2B:3C:4D:5E",         // MAC and EUI-64
        "00:1a:2b:3c:4d:5e:6f:70",
        "1:2:3:4:5:6:7:8:9",         // nine groups
        "1:2:3:4:5:6:7",             // seven groups without ::
        "1::2::3",                   // two ::
        "12345::1",                  // five hex digits
        ":1:2:3:4:5:6:7:8",
        "::ffff:999.0.2.128",
        "ipfe80::1",                 // inside a word
        "mac:00:1a:2b:3c:4d:5e",     // a MAC address after a label
        "std::vector",
        "x:12:30:45",
    ])
    func notFound(text: String) throws {
        #expect(try values("IP_ADDRESS", in: text).isEmpty)
    }
}

@Suite("DATE_OF_BIRTH")
struct ContactDateOfBirthTests {
    @Test("dates near a keyword", arguments: [
        ("DOB: 1985-04-12", "1985-04-12"),
        ("date of birth 04/12/1985", "04/12/1985"),
        ("born 12.04.1985 in", "12.04.1985"),
        ("Birthday: 12/04/1985", "12/04/1985"),
        ("birth date 12-04-1985", "12-04-1985"),
        ("b-day 12 04 1985", "12 04 1985"),
        ("dob April 12, 1985", "April 12, 1985"),
        ("dob: Apr 12th 1985", "Apr 12th 1985"),
        ("Sept. 3, 1990 (dob)", ""),
        ("birth date: 12 April 1985", "12 April 1985"),
        ("DOB 12-Apr-1985", "12-Apr-1985"),
        ("Date of birth: 12th of April, 1985", "12th of April, 1985"),
        ("geboren / born 12. April 1985", "12. April 1985"),
        ("bday: 29/02/2000", "29/02/2000"),
        ("birthdate=1985-04-12T00:00:00Z", "1985-04-12"),
        ("D.O.B. 31/12/1999", "31/12/1999"),
        ("dob 12/31/1999", "12/31/1999"),
        ("dob: 1 jan 1900", "1 jan 1900"),
        ("dob: 3 march 1984", "3 march 1984"),
        ("dob: march 3, 1984", "march 3, 1984"),
        ("DOB: MARCH 3RD 1984", "MARCH 3RD 1984"),
        ("birthday: sept. 3, 1990", "sept. 3, 1990"),
        ("date of birth: dec-31-1999", "dec-31-1999"),
        ("born on july 4th, 1976", "july 4th, 1976"),
    ])
    func found(text: String, expected: String) throws {
        #expect(try values("DATE_OF_BIRTH", in: text) == (expected.isEmpty ? [] : [expected]))
    }

    @Test("impossible dates and dates without a keyword", arguments: [
        "dob 2024-13-45",
        "DOB: 1985-02-30",
        "dob 29/02/2001",            // not a leap year
        "dob 29/02/1900",            // 1900 was not a leap year
        "dob: 1850-01-01",           // not a plausible birth year
        "dob: 2031-01-01",
        "dob: 31/31/1985",
        "dob: 00/10/1985",
        "1985-04-12",                // no keyword
        "April 12, 1985",
        "invoice date 12/04/1985",
        "dob: 1985-04-12-7",         // part of a longer run
        "dob 12 Foo 1985",
        "dob: february 30, 1984",    // no such day
        "dob: march 3, 1884",
        "march 3, 1984",             // no keyword
        "dob: marching 3, 1984",     // not a month
    ])
    func notFound(text: String) throws {
        #expect(try values("DATE_OF_BIRTH", in: text).isEmpty)
    }

    @Test func aFieldNamedDateOfBirthIsTheKeyword() throws {
        var configuration = ScanConfiguration()
        configuration.include = ["DATE_OF_BIRTH"]
        let engine = try ScanEngine(configuration: configuration)
        var sink = FindingCollector()
        _ = engine.scan(record: [("date_of_birth", "1985-04-12"), ("created", "1985-04-12")], recordIndex: 0,
                        scratch: engine.makeScratch(), into: &sink)
        #expect(sink.findings.map(\.location) == [.record(recordIndex: 0, jsonPath: "$.date_of_birth", offset: 0, length: 10)])
    }

    @Test("calendar rules", arguments: [
        (2000, 2, 29, true), (1996, 2, 29, true), (1900, 2, 29, false), (2023, 2, 29, false),
        (1985, 4, 31, false), (1985, 12, 31, true), (1899, 12, 31, false), (2026, 1, 1, true),
    ])
    func calendar(year: Int, month: Int, day: Int, plausible: Bool) {
        #expect(DateOfBirthCheck.isPlausible(year: year, month: month, day: day) == plausible)
    }
}

@Suite("LATITUDE_LONGITUDE")
struct ContactLatitudeLongitudeTests {
    @Test("decimal-degree pairs near a keyword", arguments: [
        ("coordinates: 40.7128, -74.0060", "40.7128, -74.0060"),
        ("location 40.7128,-74.0060", "40.7128,-74.0060"),
        ("lat long 40.7128 -74.0060", "40.7128 -74.0060"),
        ("gps: -33.8688, 151.2093", "-33.8688, 151.2093"),
        ("\"geo\": [-74.0060, 40.7128]", "-74.0060, 40.7128"),
        ("latitude/longitude 48.8584°, 2.2945°", "48.8584°, 2.2945°"),
        ("Position: +51.50735;-0.12776", "+51.50735;-0.12776"),
    ])
    func found(text: String, expected: String) throws {
        #expect(try values("LATITUDE_LONGITUDE", in: text) == [expected])
    }

    @Test("near misses", arguments: [
        "40.7128, -74.0060",                   // no keyword
        "coordinates: 91.0000, 181.0000",      // out of range
        "coordinates: 200.1234, 10.1234",
        "location 40.71, -74.00",              // too few decimals
        "location: 0.000, 0.000",              // placeholder
        "location 1.2.3.4",
        "coordinates 40.7128, -74.0060.5",
        "location 40.7128, -74.0060e3",
    ])
    func notFound(text: String) throws {
        #expect(try values("LATITUDE_LONGITUDE", in: text).isEmpty)
    }
}

@Suite("MAC_ADDRESS")
struct ContactMACAddressTests {
    @Test("EUI-48 in its three written forms", arguments: [
        ("mac 00:1a:2b:3c:4d:5e", "00:1a:2b:3c:4d:5e"),
        ("HWaddr 00:1A:2B:3C:4D:5E", "00:1A:2B:3C:4D:5E"),
        ("mac:02:00:5e:10:00:01 up", "02:00:5e:10:00:01"),
        ("ether 02-00-5E-10-00-01", "02-00-5E-10-00-01"),
        ("Physical Address. . . : 3C-52-82-0A-1B-2C", "3C-52-82-0A-1B-2C"),
        ("cisco 001a.2b3c.4d5e", "001a.2b3c.4d5e"),
        ("[aa:bb:cc:dd:ee:01]", "aa:bb:cc:dd:ee:01"),
        ("MAC-AA-BB-CC-DD-EE-01", "AA-BB-CC-DD-EE-01"),
        ("at 00:1a:2b:3c:4d:5e.", "00:1a:2b:3c:4d:5e"),
    ])
    func found(text: String, expected: String) throws {
        #expect(try values("MAC_ADDRESS", in: text) == [expected])
    }

    @Test("look-alikes", arguments: [
        "00:00:00:00:00:00",         // unset
        "ff:ff:ff:ff:ff:ff",         // broadcast
        "FF-FF-FF-FF-FF-FF",
        "0000.0000.0000",
        "00:1a:2b:3c:4d",            // five groups
        "00:1a:2b:3c:4d:5e:6f",      // seven groups (EUI-64 and longer)
        "00:1a:2b:3c:4d:5e:6f:70",
        "ab:00:1a:2b:3c:4d:5e",
        "00:1a:2b:3c:4d:5g",         // not hex
        "00:1a-2b:3c-4d:5e",         // mixed separators
        "001:a2b:3c4:d5e",
        "0:1a:2b:3c:4d:5e",
        "x00:1a:2b:3c:4d:5e",        // inside a word
        "12:30:45",
        "fe80::1ff:fe23:4567:890a",  // IPv6
        "001a.2b3c.4d5e.6f70",
        "123e4567-e89b-12d3-a456-426614174000",
    ])
    func notFound(text: String) throws {
        #expect(try values("MAC_ADDRESS", in: text).isEmpty)
    }

    @Test("MAC addresses are not IP addresses nor phone numbers") func exclusive() throws {
        let text = "mac 00:1a:2b:3c:4d:5e and 00-11-22-33-44-55"
        let found = try findings(Set(["MAC_ADDRESS", "IP_ADDRESS"]).union(phoneIDs), in: text)
        #expect(found.map(\.type) == ["MAC_ADDRESS", "MAC_ADDRESS"])
    }
}

@Suite("Contact patterns on adversarial input")
struct ContactAdversarialTests {
    @Test("runs of trigger bytes finish without hitting the match limit", arguments: [
        String(repeating: "+1 ", count: 50_000),
        String(repeating: "1 ", count: 100_000),
        String(repeating: "(2", count: 100_000),
        String(repeating: "1:", count: 100_000),
        String(repeating: "a:", count: 100_000),
        String(repeating: ":", count: 200_000),
        String(repeating: "1.", count: 100_000),
        String(repeating: "a.", count: 100_000) + "@example.com",
        String(repeating: "x@", count: 100_000),
        "bob@" + String(repeating: "a.", count: 100_000) + "com",
        "dob " + String(repeating: "12/", count: 50_000),
        "location " + String(repeating: "1.0001,", count: 30_000),
        "dob " + String(repeating: "April ", count: 30_000),
        "dob " + String(repeating: "march ", count: 30_000),
        String(repeating: "ip:", count: 60_000),
        String(repeating: "a:b", count: 60_000),
        String(repeating: "00:", count: 60_000),
        String(repeating: "0a-", count: 60_000),
        String(repeating: "0a0a.", count: 50_000),
        "tel " + String(repeating: "0 ", count: 100_000),
        String(repeating: "00 ", count: 60_000),
        String(repeating: "(0) ", count: 50_000),
    ])
    func completes(text: String) throws {
        var configuration = ScanConfiguration()
        configuration.include = Set(["EMAIL_ADDRESS", "IP_ADDRESS", "DATE_OF_BIRTH", "LATITUDE_LONGITUDE",
                                     "MAC_ADDRESS"]).union(phoneIDs)
        configuration.chunkSize = 1 << 16
        let (result, _) = scanText(try ScanEngine(configuration: configuration), text)
        #expect(result.status == .complete)
    }
}
