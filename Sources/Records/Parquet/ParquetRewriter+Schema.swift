/// What the rewriter needs to know about one leaf column beyond `ParquetLeafColumn`.
struct ParquetRewriteLeaf {
    /// The leaf element's own repetition: only an OPTIONAL leaf can take a null.
    var repetition: ParquetRepetition
    var parser: ParquetValueParser
}

/// The schema after removing top-level fields, and how old leaf columns map to new ones.
struct ParquetSchemaPlan {
    /// One entry per leaf column of the source: true when it stays.
    var keepsLeaf: [Bool] = []
    var leaves: [ParquetRewriteLeaf] = []
    /// The new leaf index of each kept source leaf.
    var newLeafIndex: [Int?] = []
    /// The new `schema` list of FileMetaData (field 2).
    var schema: ThriftValue
    var unknownRemovedNames: [String] = []
    var removesColumns = false

    init(metadata: ParquetFileMetaData, tree: ThriftStruct, leafCount: Int, removing removed: Set<String>) throws(ParquetError) {
        guard let treeElements = tree[2]?.elements, treeElements.count == metadata.schema.count,
              var root = treeElements.first?.structure, let rootElement = metadata.schema.first else {
            throw .malformed("schema unreadable")
        }
        let elements = metadata.schema
        var keptElements: [ThriftValue] = []
        var keptChildren = 0
        var seenNames = Set<String>()
        var next = 1
        for _ in 0..<max(0, rootElement.childCount) {
            guard next < elements.count else { throw .malformed("schema child count out of range") }
            let start = next
            let leafStart = leaves.count
            let name = elements[start].name
            seenNames.insert(name)
            try Self.walk(elements: elements, tree: treeElements, next: &next, depth: 1, leaves: &leaves)
            let keep = !removed.contains(name)
            for _ in leafStart..<leaves.count { keepsLeaf.append(keep) }
            if keep {
                keptElements.append(contentsOf: treeElements[start..<next])
                keptChildren += 1
            } else {
                removesColumns = true
            }
        }
        guard leaves.count == leafCount else { throw .malformed("schema leaves do not add up") }
        guard keptChildren > 0 else { throw .unsupported("every column would be removed") }
        unknownRemovedNames = removed.subtracting(seenNames).sorted()
        root[5] = .i32(Int32(keptChildren))
        schema = .list(elementType: 12, elements: [.structure(root)] + keptElements, isSet: false)
        var n = 0
        newLeafIndex = keepsLeaf.map { keep in
            guard keep else { return nil }
            defer { n += 1 }
            return n
        }
    }

    /// Walks one field (and its children) in the flattened schema, the way `ParquetSchema`
    /// does, collecting its leaves.
    private static func walk(elements: [ParquetSchemaElement], tree: [ThriftValue], next: inout Int, depth: Int,
                             leaves: inout [ParquetRewriteLeaf]) throws(ParquetError) {
        guard depth <= ParquetSchema.maxDepth, next < elements.count else { throw .malformed("schema out of range") }
        let element = elements[next]
        let index = next
        next += 1
        if element.childCount > 0 || element.type == nil {
            guard element.childCount >= 0, element.childCount <= elements.count - next else {
                throw .malformed("schema child count out of range")
            }
            for _ in 0..<element.childCount {
                try walk(elements: elements, tree: tree, next: &next, depth: depth + 1, leaves: &leaves)
            }
        } else if let type = element.type {
            let parser = ParquetValueParser(type: type, typeLength: element.typeLength,
                                            rendering: ParquetRendering(type: type, logical: element.logical),
                                            logical: element.logical, precision: precision(tree[index].structure))
            leaves.append(ParquetRewriteLeaf(repetition: element.repetition, parser: parser))
        }
    }

    /// A decimal's precision: SchemaElement.precision (8), else LogicalType.DECIMAL.precision.
    private static func precision(_ element: ThriftStruct?) -> Int? {
        if let p = element?[8]?.int { return p }
        return element?[10]?.structure?[5]?.structure?[2]?.int
    }

    /// A row group's `sorting_columns` with leaf indices renumbered, or nil (dropped) when a
    /// sorting column was removed or had values edited (the order may no longer hold).
    func sortingColumns(_ sorting: ThriftValue, edited: Set<Int>) -> ThriftValue? {
        guard let entries = sorting.elements else { return nil }
        var out: [ThriftValue] = []
        for entry in entries {
            guard var s = entry.structure, let old = s[1]?.int, old >= 0, old < newLeafIndex.count,
                  let new = newLeafIndex[old], !edited.contains(old) else { return nil }
            s[1] = .i32(Int32(new))
            out.append(.structure(s))
        }
        return .list(elementType: 12, elements: out, isSet: false)
    }
}
