/// Building the engine's custom identifiers and handing their findings to the sink.
extension ScanEngine {
    /// The longest lookbehind a custom identifier's pattern may have, in bytes (it sizes the
    /// bytes kept before each window).
    static let maximumCustomLookbehind = 1024

    /// Checks the custom identifiers' names: present, unique, and neither a managed identifier's
    /// ID nor a category name (a finding's `type` must say which identifier found it).
    static func checkCustomNames(_ identifiers: [CustomIdentifier], reserved: Set<String>) throws(ConfigurationError) -> Set<String> {
        guard identifiers.count <= CustomIdentifierLimits.maximumCount else {
            throw ConfigurationError(kind: .invalidValue, item: "customIdentifiers",
                                     message: "at most \(CustomIdentifierLimits.maximumCount) custom identifiers, got \(identifiers.count)")
        }
        var names: Set<String> = []
        for identifier in identifiers {
            if reserved.contains(identifier.name) {
                throw ConfigurationError(kind: .invalidValue, item: identifier.name,
                                         message: "name: a managed identifier or a category already has this name")
            }
            if !names.insert(identifier.name).inserted {
                throw ConfigurationError(kind: .invalidValue, item: identifier.name,
                                         message: "name: two custom identifiers have this name")
            }
        }
        return names
    }

    /// Compiles the selected custom identifiers (by name or `CUSTOM_IDENTIFIER` under
    /// `include`/`exclude`); nil when none is selected.
    static func compileCustom(_ configuration: ScanConfiguration) throws(ConfigurationError) -> CustomIdentifierSet? {
        guard CustomIdentifierLimits.matchLength.contains(configuration.customMatchLength) else {
            throw ConfigurationError(kind: .invalidValue, item: "customMatchLength",
                                     message: "must be between \(CustomIdentifierLimits.matchLength.lowerBound) and \(CustomIdentifierLimits.matchLength.upperBound) bytes, got \(configuration.customMatchLength)")
        }
        var compiled: [CompiledCustomIdentifier] = []
        for definition in configuration.customIdentifiers {
            let names: Set<String> = [definition.name, Category.customIdentifier.rawValue]
            if !configuration.include.isEmpty && names.isDisjoint(with: configuration.include) { continue }
            if !names.isDisjoint(with: configuration.exclude) { continue }
            let identifier = try CompiledCustomIdentifier(index: compiled.count, definition: definition)
            if identifier.maxLookbehind > maximumCustomLookbehind {
                throw ConfigurationError(kind: .invalidPattern, item: definition.name,
                                         message: "regex: lookbehind longer than \(maximumCustomLookbehind) bytes")
            }
            compiled.append(identifier)
        }
        return compiled.isEmpty ? nil : CustomIdentifierSet(compiled, matchLength: configuration.customMatchLength)
    }

    /// Delivers all findings still held for their severity: called at the end of an object.
    /// Findings of an identifier whose count stayed below its lowest threshold are dropped.
    func releaseHeldFindings<S: FindingSink>(_ scratch: ScanScratch, into sink: inout S, delivered: inout Int) -> ScanControl {
        guard let custom else { return .continue }
        let state = scratch.custom
        for identifier in custom.identifiers where !state.held[identifier.index].isEmpty {
            let held = state.held[identifier.index]
            state.held[identifier.index].removeAll()
            guard let severity = identifier.severity(forCount: state.counts[identifier.index]) else { continue }
            for var finding in held {
                finding.severity = severity
                delivered += 1
                if sink.receive(finding) == .stop { return .stop }
            }
        }
        return .continue
    }

    /// Adds the custom identifiers' problems in this object to `result`: identifiers switched
    /// off by the match limit (PARTIAL, `MATCH_LIMIT_EXCEEDED`), matches too long to report.
    func noteCustomProblems(_ result: inout ObjectResult, scratch: ScanScratch) {
        guard let custom else { return }
        let state = scratch.custom
        for identifier in custom.identifiers {
            let name = identifier.definition.name
            if state.disabled[identifier.index] {
                if result.status == .complete { result.status = .partial; result.reason = .matchLimitExceeded }
                result.messages.append("custom identifier \(name) hit the pattern match limit and was not used for the rest of the object")
            }
            if state.overlong[identifier.index] > 0 {
                result.messages.append("custom identifier \(name): \(state.overlong[identifier.index]) match(es) longer than \(custom.matchLength) bytes not reported")
            }
        }
        if state.allowListLimitHits > 0 {
            if result.status == .complete { result.status = .partial; result.reason = .matchLimitExceeded }
            result.messages.append("\(state.allowListLimitHits) allow-list check(s) hit the pattern match limit; those findings were reported")
        }
    }

    /// Ends an "object" for the record API (`scan(record:recordIndex:scratch:into:)`): custom
    /// identifiers' severity levels count findings per object, so their findings are held until
    /// the count settles; call this after the last record of a table or batch to deliver them
    /// (or drop them, below the lowest threshold) and start counting afresh.
    /// Returns `.stop` if the sink asked to stop.
    public func finishRecords<S: FindingSink>(scratch: ScanScratch, into sink: inout S) -> ScanControl {
        var delivered = 0
        let control = releaseHeldFindings(scratch, into: &sink, delivered: &delivered)
        scratch.resetForObject()
        return control
    }
}

extension ScanScratch {
    /// Hands one custom identifier finding on: at once when its severity is settled (no levels,
    /// or the object's count reached the highest threshold, releasing the findings held until
    /// then), otherwise held until the count settles or the object ends.
    func deliverCustom<S: FindingSink>(_ finding: Finding, identifier id: Int, into sink: inout S,
                                       delivered: inout Int) -> ScanControl {
        guard let identifier = engine.custom?.identifiers[id] else { return .continue }
        custom.counts[id] += 1
        let count = custom.counts[id]
        if count < identifier.settledCount {
            custom.held[id].append(finding)
            return .continue
        }
        let severity = identifier.severity(forCount: count) ?? .medium
        if !custom.held[id].isEmpty {
            let held = custom.held[id]
            custom.held[id].removeAll()
            for var earlier in held {
                earlier.severity = severity
                delivered += 1
                if sink.receive(earlier) == .stop { return .stop }
            }
        }
        var finding = finding
        finding.severity = severity
        delivered += 1
        return sink.receive(finding)
    }
}
