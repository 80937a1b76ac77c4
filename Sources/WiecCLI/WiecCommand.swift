import ArgumentParser

/// The `wiec` command: counts, verifies and serves civic budgets.
public struct WiecCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wiec",
        abstract: "Wiec: civic budgets counted exactly and verifiable by anyone.",
        subcommands: [TallyCommand.self, BenchCommand.self, ServeCommand.self, StaffCommand.self, InitCommand.self, ImportCommand.self, ExportCommand.self, VerifyCommand.self, MigrateCommand.self, ProofCommand.self, VerifyReceiptCommand.self, VotersCommand.self, LedgerBenchCommand.self, FunduszCommand.self]
    )

    public init() {}
}
