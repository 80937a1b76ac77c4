import WiecCore

/// An appeal as the API shows it.
struct AppealView: Codable, Sendable {
    var id: String
    var proposal: String
    var stage: ReviewStage
    var grounds: String
    var upheld: Bool?
    var justification: String?
    var reviewedCost: Amount?

    enum CodingKeys: String, CodingKey {
        case id, proposal, stage, grounds, upheld, justification, reviewedCost = "reviewed_cost"
    }

    init(_ appeal: Appeal) {
        id = appeal.id
        proposal = appeal.proposal
        stage = appeal.stage
        grounds = appeal.grounds
        upheld = appeal.upheld
        justification = appeal.justification
        reviewedCost = appeal.reviewedCost.map(Amount.init)
    }
}
