/// VIN check digit vectors: the classic example from ISO 3779 and 49 CFR 565 explainers,
/// Wikipedia's and VIN decoders' specimen VINs, and the all-ones VIN.
enum VINVectors {
    static let valid: [String] = [
        "1M8GDM9AXKP042788", "1HGCM82633A004352", "5GZCZ43D13S812715", "JHMCM56557C404453",
        "11111111111111111",
    ]
}
