public import WiecLedger

extension LedgerStore {
    /// Opens a store on a PostgreSQL database (`postgres://user@host:port/database`), creating
    /// its tables if needed.
    ///
    /// - Throws: ``LedgerError`` when the URL is wrong or the database cannot be reached or migrated.
    public convenience init(postgres url: String, signer: CheckpointSigner?) throws(LedgerError) {
        self.init(engine: try PostgresEngine(url: url), signer: signer)
    }
}
