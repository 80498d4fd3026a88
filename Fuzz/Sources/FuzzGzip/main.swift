import FuzzSupport

/// libFuzzer entry: the input is expanded as a gzip archive (read as a stream); every member is
/// read to its end, and CSV/JSON members are parsed.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzArchive(inputBytes(data, size), kind: .gzip)
    return 0
}
