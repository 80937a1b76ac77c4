public import WiecLedger

extension LedgerStore {
    /// Opens (creating if needed) a store on a SQLite file.
    ///
    /// - Throws: ``LedgerError`` when the file cannot be opened or migrated.
    public convenience init(path: String, signer: CheckpointSigner?) throws(LedgerError) {
        self.init(engine: try SQLiteEngine(path: path), signer: signer)
    }
}
