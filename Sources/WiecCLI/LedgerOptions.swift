import ArgumentParser

/// The ledger file a command works on.
struct LedgerOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The ledger file (SQLite); its key is FILE.key beside it.")
    var path: String
}
