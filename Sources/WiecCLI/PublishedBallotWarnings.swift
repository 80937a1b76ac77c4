import Foundation
import Pabulib

/// What a published file breaks of its own rules, as `tally`, `tally --check`, `bench` and
/// `import` all report it: each warning with its line, then one line that counts them.
enum PublishedBallotWarnings {
    /// The summary line, or `nil` when there is nothing to report.
    static func summary(_ warnings: [PabulibWarning]) -> String? {
        guard !warnings.isEmpty else { return nil }
        let ballots = Set(warnings.compactMap(\.vote)).count
        return "\(warnings.count) warning\(warnings.count == 1 ? "" : "s"): \(ballots) published ballot\(ballots == 1 ? "" : "s") "
            + "break\(ballots == 1 ? "s" : "") the file's stated rules and \(ballots == 1 ? "is" : "are") counted as published (--strict refuses the file)"
    }

    /// Prints the warnings about `file`, then the summary, on standard error.
    static func print(_ warnings: [PabulibWarning], file: String) {
        for warning in warnings { printError("warning: \(file): \(warning)") }
        if let summary = summary(warnings) { printError("warning: \(file): \(summary)") }
    }
}
