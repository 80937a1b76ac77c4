import Logging
import PostgresNIO
public import WiecLedger

extension PostgresEngine {
    /// Creates an empty database on the server of `address`, under another name (for the tests'
    /// fresh stores and `wiec migrate`'s targets).
    ///
    /// - Throws: ``LedgerError`` when the server refuses (the name is taken, the role may not create databases).
    public static func createDatabase(named name: String, beside address: PostgresAddress) throws(LedgerError) {
        guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
            throw .malformed("\(name) is not a plain database name (letters, digits, _)")
        }
        let session = try PostgresSession.connect(to: address, id: 0, logger: Logger(label: "wiec.ledger.postgres"))
        defer { session.close() }
        try session.run(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"))
    }
}
