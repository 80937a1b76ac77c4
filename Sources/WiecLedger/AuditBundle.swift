import Crypto
import Foundation
public import WiecCore
import WiecTally

/// The audit bundle: everything an auditor needs, in plain files.
///
/// - `entries.jsonl`: every entry of the log, one per line, `{"entry":{...},"hash":"..."}`, where
///   `entry` holds the fields of the canonical bytes (with `prev`) and `hash` is their SHA-256;
/// - `checkpoints/<size>.note`: the signed checkpoints;
/// - `key.vkey`: the verifier key;
/// - `results.json`: each pool's result, re-tallied from the log;
/// - `pools/<pool>.pb`: each pool's admitted projects and counted ballots in pabulib form
///   (written by the exporter the caller gives: `WiecExchange` writes pabulib).
///
/// The whole log is exported because the chain and the tree cover every edition in the file.
public enum AuditBundle {
    /// Writes the bundle of an edition into a folder (created if needed).
    ///
    /// - Parameters:
    ///   - poolFile: The text of a pool's file under `pools/`, from the edition's state.
    /// - Returns: The number of entries written.
    /// - Throws: ``LedgerError`` when the edition does not exist or a file cannot be written.
    public static func export(
        from store: LedgerStore, edition: EditionID, verifier: CheckpointVerifier, to folder: String,
        poolFile: (EditionState, PoolID) throws -> String
    ) throws -> Int64 {
        let state = try store.state(of: edition)
        guard state.exists else { throw LedgerError.notFound("no edition \(edition) in the ledger") }
        let root = URL(fileURLWithPath: folder)
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("checkpoints"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("pools"), withIntermediateDirectories: true)
        let count = try store.engine.read { reading in
            var out = Data()
            var previous = LedgerEntry.genesisHash
            var count: Int64 = 0
            let last = try reading.lastSequence()
            if last > 0 {
                try reading.forEachEntry(in: 1...last) { entry, hash in
                    out.append(contentsOf: #"{"entry":"#.utf8)
                    out.append(contentsOf: entry.canonicalBytes(previousHash: previous))
                    out.append(contentsOf: #","hash":""#.utf8)
                    out.append(contentsOf: Hex.encode(hash).utf8)
                    out.append(contentsOf: "\"}\n".utf8)
                    previous = hash
                    count += 1
                }
            }
            try out.write(to: root.appendingPathComponent("entries.jsonl"))
            return count
        }
        for note in try store.checkpoints() {
            let size = LedgerVerifier.claimedSize(note) ?? 0
            try Data(note.utf8).write(to: root.appendingPathComponent("checkpoints/\(String(format: "%012lld", size)).note"))
        }
        try Data((verifier.verifierKeyText + "\n").utf8).write(to: root.appendingPathComponent("key.vkey"))
        var results: [String: JSONValue] = [:]
        for pool in state.poolOrder {
            results[pool] = resultJSON(state: state, pool: pool)
            try Data(try poolFile(state, pool).utf8)
                .write(to: root.appendingPathComponent("pools/\(pool).pb"))
        }
        let document = JSONValue.object(["edition": .string(edition), "phase": .string(state.phase.rawValue), "pools": .object(results)])
        try Data(document.canonicalBytes + [0x0A]).write(to: root.appendingPathComponent("results.json"))
        return count
    }

    /// Verifies a bundle: entries, chain, checkpoints, tallies, and `results.json` against the re-tally.
    ///
    /// - Parameters:
    ///   - folder: The bundle.
    ///   - verifier: The key obtained from the municipality; `nil` trusts the bundle's `key.vkey`.
    /// - Throws: ``VerificationFailure`` for the first problem; ``LedgerError`` when a file is unreadable.
    public static func verify(folder: String, verifier: CheckpointVerifier?) throws -> VerificationReport {
        let root = URL(fileURLWithPath: folder)
        let bundled = try KeyFiles.verifier(at: root.appendingPathComponent("key.vkey").path)
        if let verifier, verifier != bundled {
            throw VerificationFailure.bundle("key.vkey is not the key given (\(verifier.verifierKeyText))")
        }
        let folderURL = root.appendingPathComponent("checkpoints")
        let names = try FileManager.default.contentsOfDirectory(atPath: folderURL.path).filter { $0.hasSuffix(".note") }.sorted()
        var notes: [String] = []
        for name in names {
            let note = String(decoding: try Data(contentsOf: folderURL.appendingPathComponent(name)), as: UTF8.self)
            guard let size = Int64(name.dropLast(".note".count)) else {
                throw VerificationFailure.bundle("checkpoints/\(name) is not named by its tree size")
            }
            try LedgerVerifier.checkFiled(note, as: size)
            notes.append(note)
        }
        var verification = LedgerVerifier(checkpointSizes: Set(notes.compactMap(LedgerVerifier.claimedSize)))
        let data = try [UInt8](Data(contentsOf: root.appendingPathComponent("entries.jsonl")))
        var start = 0
        var line = 0
        while start < data.count {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.count
            line += 1
            let value = try JSONParser.parse(Array(data[start..<end]))
            guard case .object(let fields) = value, let entryValue = fields["entry"], case .string(let hashText)? = fields["hash"],
                let hash = Hex.decode(hashText), case .object(let entryFields) = entryValue,
                case .string(let prevText)? = entryFields["prev"], let prev = Hex.decode(prevText)
            else { throw VerificationFailure.bundle("entries.jsonl line \(line): not {\"entry\":{...,\"prev\"},\"hash\"}") }
            try verification.add(try LedgerEntry(json: entryValue), statedPrevious: prev, statedHash: hash)
            start = end + 1
        }
        let report = try verification.finish(checkpoints: notes, verifier: bundled)
        let resultsValue = try JSONParser.parse([UInt8](Data(contentsOf: root.appendingPathComponent("results.json"))))
        guard case .object(let document) = resultsValue, case .string(let edition)? = document["edition"],
            case .object(let pools)? = document["pools"], let state = verification.states.first(where: { $0.id == edition })
        else { throw VerificationFailure.bundle("results.json does not name an edition of the log and its pools") }
        for pool in state.poolOrder where pools[pool] != resultJSON(state: state, pool: pool) {
            throw VerificationFailure.bundle("results.json: pool \(pool) differs from the re-tally of the log")
        }
        guard Set(pools.keys) == Set(state.poolOrder) else {
            throw VerificationFailure.bundle("results.json names pools \(pools.keys.sorted()), the log \(state.poolOrder)")
        }
        return report
    }

    /// A pool's result as written in `results.json`: the re-tally once voting is closed.
    static func resultJSON(state: EditionState, pool: PoolID) -> JSONValue {
        guard state.phase >= .closed else { return .object(["status": .string("voting not closed")]) }
        do {
            let result = try state.tally(pool)
            return .object([
                "rule": .string(result.rule), "tie_breaking": .string(result.tieBreaking),
                "selected": .array(result.selected.map(JSONValue.string)), "scores": .array(result.scores.map(JSONValue.integer)),
                "spent": .integer(result.spent.minorUnits), "published": .bool(state.results[pool] != nil),
            ])
        } catch {
            return .object(["status": .string("not tallied"), "problem": .string(error.detail)])
        }
    }
}
