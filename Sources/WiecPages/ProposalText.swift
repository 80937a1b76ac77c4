import Foundation
import WiecCore

/// The words for a proposal's status, review stages and outcomes, and its cost as shown: the
/// reviewed cost once there is one, else the submitter's estimate.
struct ProposalText: Sendable {
    let catalogue: Catalogue
    let language: Language

    func status(_ status: ProposalStatus) -> String { catalogue.text("status_" + status.rawValue, language) }

    func stage(_ stage: ReviewStage) -> String { catalogue.text("stage_" + stage.rawValue, language) }

    func outcome(_ outcome: ReviewOutcome) -> String { catalogue.text("outcome_" + outcome.rawValue, language) }

    /// The tag class of a status: good, bad or plain.
    func tone(_ status: ProposalStatus) -> String {
        switch status {
        case .admitted: "good"
        case .rejected, .withdrawn: "bad"
        case .pending: ""
        }
    }

    /// The cost a resident should read.
    func cost(_ proposal: Proposal) -> String {
        PolishFormat.money(proposal.reviewedCost ?? proposal.costEstimate, language)
    }

    /// Paragraphs of a description, split at blank lines.
    static func paragraphs(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
