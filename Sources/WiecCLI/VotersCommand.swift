import ArgumentParser
import WiecCore
import WiecLedger
import WiecLedgerSQLite

/// `wiec voters`: the erasable personal data of voters.
struct VotersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voters",
        abstract: "Manage voters' personal data (kept outside the log).",
        subcommands: [Erase.self]
    )

    /// `wiec voters erase`: removes a person's data; the log and its chain are untouched.
    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase a resident's personal data, by resident id or by PESEL; the chain still verifies.",
            discussion: """
                Until the edition is published, the PESEL's keyed hash stays beside the person's voting \
                pseudonym (without name or resident id), so that registering again never gives a second vote.
                """
        )

        @OptionGroup var ledger: LedgerOptions

        @Option(help: "The resident id.")
        var resident: String?

        @Option(help: "The person's PESEL (with --edition).")
        var pesel: String?

        @Option(help: "The edition, to find a voter by PESEL.")
        var edition: String?

        func validate() throws {
            if (resident == nil) == (pesel == nil) { throw ValidationError("Give --resident or --pesel.") }
            if pesel != nil, edition == nil { throw ValidationError("--pesel needs --edition.") }
        }

        func run() async throws {
            let store = try ledger.location.store(signer: nil)
            var id = resident
            if let pesel, let edition {
                id = try store.resident(withPesel: try Pesel(pesel), in: edition)
            }
            guard let id, try store.erasePersonalData(of: id) else {
                printError("no personal data found")
                throw ExitCode.failure
            }
            print("erased the personal data of resident \(id); the log is unchanged")
        }
    }
}
