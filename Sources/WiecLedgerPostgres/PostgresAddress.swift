import Foundation
public import WiecLedger

/// Where a PostgreSQL ledger is: `postgres://user[:password]@host[:port]/database` (or
/// `postgresql://`). The connection is plain TCP, meant for loopback or a private network.
public struct PostgresAddress: Sendable, Hashable, CustomStringConvertible {
    /// The server's host name or address.
    public var host: String
    /// The server's port.
    public var port: Int
    /// The role to connect as.
    public var user: String
    /// The role's password, if the server asks for one.
    public var password: String?
    /// The database holding the ledger's tables.
    public var database: String

    /// Reads an address from its URL form.
    ///
    /// - Throws: ``LedgerError/malformed(_:)`` naming what is missing or wrong.
    public init(url: String) throws(LedgerError) {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
            ["postgres", "postgresql"].contains(scheme)
        else { throw .malformed("\(url) is not a postgres:// URL (postgres://user@host:port/database)") }
        guard let host = components.host, !host.isEmpty else { throw .malformed("\(url) names no host") }
        guard let user = components.user, !user.isEmpty else { throw .malformed("\(url) names no user (postgres://user@host/database)") }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else { throw .malformed("\(url) names no database (postgres://user@host/database)") }
        guard components.query == nil else { throw .malformed("\(url): options after ? are not supported") }
        self.host = host
        self.port = components.port ?? 5432
        self.user = user.removingPercentEncoding ?? user
        self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
        self.database = database.removingPercentEncoding ?? database
    }

    /// The same server and role, another database.
    public func database(_ name: String) -> PostgresAddress {
        var other = self
        other.database = name
        return other
    }

    /// The URL form, without the password.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}
