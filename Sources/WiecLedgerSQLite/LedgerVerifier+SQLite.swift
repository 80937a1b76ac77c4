public import WiecLedger

extension LedgerVerifier {
    /// Verifies a ledger file in place, read-only: every entry, every checkpoint, every tally.
    ///
    /// - Throws: ``VerificationFailure`` for the first problem found; ``LedgerError`` when the
    ///   file cannot be read.
    public static func verify(databaseAt path: String, verifier: CheckpointVerifier) throws -> VerificationReport {
        try verify(try SQLiteEngine(readingAt: path), verifier: verifier)
    }
}
