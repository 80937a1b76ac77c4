extension LedgerVerifier {
    /// Verifies a store in place, read-only, on one snapshot: every entry as stored (its hash
    /// beside it), every checkpoint as filed, every tally.
    ///
    /// - Throws: ``VerificationFailure`` for the first problem found; the engine's errors.
    public static func verify(_ engine: any LedgerEngine, verifier: CheckpointVerifier) throws -> VerificationReport {
        try engine.read { reading in
            var notes: [String] = []
            for (size, note) in try reading.checkpoints() {
                try checkFiled(note, as: size)
                notes.append(note)
            }
            var verification = LedgerVerifier(checkpointSizes: Set(notes.compactMap(claimedSize)))
            let last = try reading.lastSequence()
            if last > 0 {
                try reading.forEachEntry(in: 1...last) { entry, hash in
                    try verification.add(entry, statedPrevious: nil, statedHash: hash)
                }
            }
            return try verification.finish(checkpoints: notes, verifier: verifier)
        }
    }
}
