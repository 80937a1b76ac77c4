import ArgumentParser
import Foundation
import WiecGateway
import WiecServer

/// `wiec staff`: staff accounts of a server's store.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Add, list and revoke staff accounts (admin, reviewer, auditor).",
        subcommands: [Add.self, Code.self, List.self, Revoke.self]
    )

    /// The store whose accounts are managed.
    struct Store: ParsableArguments {
        @Option(
            name: [.customLong("store"), .customLong("db")],
            help: "The server's store (sqlite:PATH or postgres://user@host:port/database); accounts live in PATH.access beside the SQLite file, or in the PostgreSQL database, shared by every node.")
        var db = "wiec-data/wiec.sqlite"

        func open() throws -> AccessStore {
            let location = try StoreLocation(db)
            try location.createFolder()
            return try AccessStore(engine: try location.accessEngine())
        }
    }

    /// `wiec staff add`: prints the new account's bearer token and one-time sign-in code, once.
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account and print its bearer token and a one-time code for the sign-in page (shown once; only hashes are kept).")

        @OptionGroup var store: Store

        @Option(help: "admin, reviewer or auditor.")
        var role: String

        @Option(help: "'*' (everything), EDITION, or EDITION:POOL,POOL.")
        var scope: String

        @Option(help: "The person's name, shown to people, never written in the log.")
        var name: String

        func run() throws {
            guard let role = StaffRole(rawValue: role) else {
                throw ValidationError("--role must be one of \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let scope = StaffScope(scope) else { throw ValidationError("--scope must be '*', EDITION or EDITION:POOL,POOL") }
            let access = try store.open()
            let (account, token) = try access.addStaff(name: name, role: role, scope: scope, at: Date())
            print("id: \(account.id)")
            print("token: \(token)")
            if let code = try access.issueStaffSignInCode(staff: account.id) { print("code: \(code)") }
        }
    }

    /// `wiec staff code`: a new one-time sign-in code for an account (the earlier one stops working).
    struct Code: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a new one-time code for the sign-in page (shown once; any earlier code stops working).")

        @OptionGroup var store: Store

        @Argument(help: "The account id printed by 'wiec staff add'.")
        var id: String

        func run() throws {
            guard let code = try store.open().issueStaffSignInCode(staff: id) else { throw ValidationError("no active account \(id)") }
            print("code: \(code)")
        }
    }

    /// `wiec staff list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the active accounts.")

        @OptionGroup var store: Store

        func run() throws {
            for account in try store.open().staff() {
                print("\(account.id)\t\(account.role.rawValue)\t\(account.scope.text)\t\(account.name)")
            }
        }
    }

    /// `wiec staff revoke`.
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke an account: its token, its sign-in code and its page sessions stop working at once.")

        @OptionGroup var store: Store

        @Argument(help: "The account id printed by 'wiec staff add'.")
        var id: String

        func run() throws {
            guard try store.open().revokeStaff(id: id, at: Date()) else { throw ValidationError("no active account \(id)") }
            print("revoked \(id)")
        }
    }
}
