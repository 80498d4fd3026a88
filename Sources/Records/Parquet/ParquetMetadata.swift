/// The parts of Parquet's Thrift metadata (parquet.thrift) the reader uses; everything else is
/// skipped field by field.

enum ParquetPhysicalType: Int32 {
    case boolean = 0, int32 = 1, int64 = 2, int96 = 3, float = 4, double = 5, byteArray = 6, fixedLenByteArray = 7
}

enum ParquetRepetition: Int32 { case required = 0, optional = 1, repeated = 2 }

enum ParquetTimeUnit { case millis, micros, nanos }

/// The logical annotation of a schema element, from `logicalType` or the older `converted_type`.
enum ParquetLogicalType: Equatable {
    case string, map, list, enumeration, json, bson, uuid, date, float16
    case decimal(scale: Int)
    case timestamp(unit: ParquetTimeUnit, isUTC: Bool)
    case time(unit: ParquetTimeUnit)
    case integer(bitWidth: Int, isSigned: Bool)
    case mapKeyValue, interval, other
}

struct ParquetSchemaElement {
    var type: ParquetPhysicalType?
    var typeLength = 0
    var repetition: ParquetRepetition = .required
    var name = ""
    var childCount = 0
    var logical: ParquetLogicalType?
    var scale = 0

    static func read(_ r: inout ThriftReader) throws(ParquetError) -> ParquetSchemaElement {
        try r.enter()
        defer { r.leave() }
        var e = ParquetSchemaElement()
        var converted: Int32?
        var logical: ParquetLogicalType?
        var last: Int16 = 0
        while let (id, type) = try r.nextField(&last) {
            switch (id, type) {
            case (1, 5):
                let raw = try r.i32()
                guard let t = ParquetPhysicalType(rawValue: raw) else { throw .unsupported("physical type \(raw)") }
                e.type = t
            case (2, 5): e.typeLength = Int(try r.i32())
            case (3, 5): e.repetition = ParquetRepetition(rawValue: try r.i32()) ?? .optional
            case (4, 8): e.name = try r.string()
            case (5, 5): e.childCount = Int(try r.i32())
            case (6, 5): converted = try r.i32()
            case (7, 5): e.scale = Int(try r.i32())
            case (10, 12): logical = try readLogicalType(&r)
            default: try r.skip(type)
            }
        }
        e.logical = logical ?? converted.map { convertedType($0, scale: e.scale) }
        if case .decimal = e.logical { e.logical = .decimal(scale: e.scale) }
        return e
    }

    private static func convertedType(_ raw: Int32, scale: Int) -> ParquetLogicalType {
        switch raw {
        case 0: return .string
        case 1: return .map
        case 2: return .mapKeyValue
        case 3: return .list
        case 4: return .enumeration
        case 5: return .decimal(scale: scale)
        case 6: return .date
        case 7: return .time(unit: .millis)
        case 8: return .time(unit: .micros)
        case 9: return .timestamp(unit: .millis, isUTC: true)
        case 10: return .timestamp(unit: .micros, isUTC: true)
        case 11, 12, 13, 14: return .integer(bitWidth: 8 << Int(raw - 11), isSigned: false)
        case 15, 16, 17, 18: return .integer(bitWidth: 8 << Int(raw - 15), isSigned: true)
        case 19: return .json
        case 20: return .bson
        case 21: return .interval
        default: return .other
        }
    }

    private static func readTimeUnit(_ r: inout ThriftReader) throws(ParquetError) -> ParquetTimeUnit {
        try r.enter()
        defer { r.leave() }
        var unit = ParquetTimeUnit.millis
        var last: Int16 = 0
        while let (id, type) = try r.nextField(&last) {
            switch id {
            case 2: unit = .micros
            case 3: unit = .nanos
            default: break
            }
            try r.skip(type)
        }
        return unit
    }

    private static func readLogicalType(_ r: inout ThriftReader) throws(ParquetError) -> ParquetLogicalType? {
        try r.enter()
        defer { r.leave() }
        var result: ParquetLogicalType?
        var last: Int16 = 0
        while let (id, type) = try r.nextField(&last) {
            guard type == 12 else { try r.skip(type); continue }
            switch id {
            case 1: result = .string
            case 2: result = .map
            case 3: result = .list
            case 4: result = .enumeration
            case 6: result = .date
            case 12: result = .json
            case 13: result = .bson
            case 14: result = .uuid
            case 15: result = .float16
            case 5:
                try r.enter()
                var scale = 0
                var l: Int16 = 0
                while let (fid, ft) = try r.nextField(&l) {
                    if fid == 1, ft == 5 { scale = Int(try r.i32()) } else { try r.skip(ft) }
                }
                r.leave()
                result = .decimal(scale: scale)
                continue
            case 7, 8:
                try r.enter()
                var isUTC = false
                var unit = ParquetTimeUnit.millis
                var l: Int16 = 0
                while let (fid, ft) = try r.nextField(&l) {
                    switch (fid, ft) {
                    case (1, 1): isUTC = true
                    case (1, 2): isUTC = false
                    case (2, 12): unit = try readTimeUnit(&r)
                    default: try r.skip(ft)
                    }
                }
                r.leave()
                result = id == 7 ? .time(unit: unit) : .timestamp(unit: unit, isUTC: isUTC)
                continue
            case 10:
                try r.enter()
                var width = 32
                var signed = true
                var l: Int16 = 0
                while let (fid, ft) = try r.nextField(&l) {
                    switch (fid, ft) {
                    case (1, 3): width = Int(Int8(bitPattern: try r.byte()))
                    case (2, 1): signed = true
                    case (2, 2): signed = false
                    default: try r.skip(ft)
                    }
                }
                r.leave()
                result = .integer(bitWidth: width, isSigned: signed)
                continue
            default: result = .other
            }
            try r.skip(type)
        }
        return result
    }
}

struct ParquetColumnMetaData {
    var type: Int32 = -1
    var codec: Int32 = 0
    var valueCount = 0
    var totalCompressedSize = 0
    var dataPageOffset = 0
    var dictionaryPageOffset: Int?

    static func read(_ r: inout ThriftReader) throws(ParquetError) -> ParquetColumnMetaData {
        try r.enter()
        defer { r.leave() }
        var m = ParquetColumnMetaData()
        var last: Int16 = 0
        while let (id, type) = try r.nextField(&last) {
            switch (id, type) {
            case (1, 5): m.type = try r.i32()
            case (4, 5): m.codec = try r.i32()
            case (5, 6): m.valueCount = try r.int()
            case (7, 6): m.totalCompressedSize = try r.int()
            case (9, 6): m.dataPageOffset = try r.int()
            case (11, 6): m.dictionaryPageOffset = try r.int()
            default: try r.skip(type)
            }
        }
        return m
    }
}

struct ParquetColumnChunk {
    var filePath: String?
    var metaData: ParquetColumnMetaData?
    var isEncrypted = false

    static func read(_ r: inout ThriftReader) throws(ParquetError) -> ParquetColumnChunk {
        try r.enter()
        defer { r.leave() }
        var c = ParquetColumnChunk()
        var last: Int16 = 0
        while let (id, type) = try r.nextField(&last) {
            switch (id, type) {
            case (1, 8): c.filePath = try r.string()
            case (3, 12): c.metaData = try ParquetColumnMetaData.read(&r)
            case (8, _), (9, _): c.isEncrypted = true; try r.skip(type)
            default: try r.skip(type)
            }
        }
        return c
    }
}

struct ParquetRowGroup {
    var columns: [ParquetColumnChunk] = []
    var rowCount = 0

    static func read(_ r: inout ThriftReader) throws(ParquetError) -> ParquetRowGroup {
        try r.enter()
        defer { r.leave() }
        var g = ParquetRowGroup()
        var last: Int16 = 0
        while let (id, type) = try r.nextField(&last) {
            switch (id, type) {
            case (1, 9):
                let (count, elementType) = try r.listHeader()
                for _ in 0..<count {
                    guard elementType == 12 else { try r.skip(elementType); continue }
                    g.columns.append(try ParquetColumnChunk.read(&r))
                }
            case (3, 6): g.rowCount = try r.int()
            default: try r.skip(type)
            }
        }
        return g
    }
}

struct ParquetFileMetaData {
    var schema: [ParquetSchemaElement] = []
    var rowCount = 0
    var rowGroups: [ParquetRowGroup] = []
    var isEncrypted = false

    static func read(_ bytes: [UInt8]) throws(ParquetError) -> ParquetFileMetaData {
        var r = ThriftReader(bytes)
        var m = ParquetFileMetaData()
        var last: Int16 = 0
        while let (id, type) = try r.nextField(&last) {
            switch (id, type) {
            case (2, 9):
                let (count, elementType) = try r.listHeader()
                for _ in 0..<count {
                    guard elementType == 12 else { try r.skip(elementType); continue }
                    m.schema.append(try ParquetSchemaElement.read(&r))
                }
            case (3, 6): m.rowCount = try r.int()
            case (4, 9):
                let (count, elementType) = try r.listHeader()
                for _ in 0..<count {
                    guard elementType == 12 else { try r.skip(elementType); continue }
                    m.rowGroups.append(try ParquetRowGroup.read(&r))
                }
            case (8, _): m.isEncrypted = true; try r.skip(type)
            default: try r.skip(type)
            }
        }
        return m
    }
}

enum ParquetPageType: Int32 { case dataPage = 0, indexPage = 1, dictionaryPage = 2, dataPageV2 = 3 }

struct ParquetPageHeader {
    var type: Int32 = -1
    var uncompressedSize = 0
    var compressedSize = 0
    var valueCount = 0
    var encoding: Int32 = 0
    var definitionLevelEncoding: Int32 = 3
    var repetitionLevelEncoding: Int32 = 3
    // Data page v2 only.
    var definitionLevelsLength = 0
    var repetitionLevelsLength = 0
    var isCompressed = true

    static func read(_ r: inout ThriftReader) throws(ParquetError) -> ParquetPageHeader {
        var h = ParquetPageHeader()
        var last: Int16 = 0
        while let (id, type) = try r.nextField(&last) {
            switch (id, type) {
            case (1, 5): h.type = try r.i32()
            case (2, 5): h.uncompressedSize = Int(try r.i32())
            case (3, 5): h.compressedSize = Int(try r.i32())
            case (5, 12), (7, 12), (8, 12):
                try r.enter()
                var l: Int16 = 0
                while let (fid, ft) = try r.nextField(&l) {
                    switch (id, fid, ft) {
                    case (_, 1, 5): h.valueCount = Int(try r.i32())
                    case (5, 2, 5), (7, 2, 5), (8, 4, 5): h.encoding = try r.i32()
                    case (5, 3, 5): h.definitionLevelEncoding = try r.i32()
                    case (5, 4, 5): h.repetitionLevelEncoding = try r.i32()
                    case (8, 5, 5): h.definitionLevelsLength = Int(try r.i32())
                    case (8, 6, 5): h.repetitionLevelsLength = Int(try r.i32())
                    case (8, 7, 1): h.isCompressed = true
                    case (8, 7, 2): h.isCompressed = false
                    default: try r.skip(ft)
                    }
                }
                r.leave()
            default: try r.skip(type)
            }
        }
        return h
    }
}
