import ArgumentParser
import Foundation
import WiecLedger

/// `wiec verify-receipt`: checks an inclusion receipt offline.
struct VerifyReceiptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-receipt",
        abstract: "Check an inclusion receipt offline against the log's verifier key."
    )

    @Argument(help: "The receipt file printed by `wiec proof`.")
    var receipt: String

    @Option(help: "The verifier key file (FILE.vkey or a bundle's key.vkey).")
    var key: String

    func run() async throws {
        let receipt = try JSONDecoder().decode(InclusionReceipt.self, from: Data(contentsOf: URL(fileURLWithPath: receipt)))
        do {
            let checkpoint = try receipt.verify(with: try KeyFiles.verifier(at: key))
            print("OK: entry \(receipt.sequence) is in the log of \(checkpoint.size) entries signed by \(checkpoint.origin) at \(checkpoint.time)")
        } catch let error as LedgerError {
            printError("receipt FAILED: \(error)")
            throw ExitCode.failure
        }
    }
}
