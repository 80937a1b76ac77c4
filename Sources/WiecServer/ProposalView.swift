import WiecCore

/// A proposal as the API shows it, with its review history.
struct ProposalView: Codable, Sendable {
    var id: String
    var edition: String
    var pool: String
    var title: String
    var description: String
    var category: String?
    var location: String?
    var costEstimate: Amount
    var reviewedCost: Amount?
    var initiative: String?
    var supporters: Int
    var status: String
    var reviews: [ReviewView]
    var appeals: [AppealView]
    var withdrawal: String?
    /// The submitter's changes in order, each with the reviews it set aside.
    var amendments: [AmendmentView]

    enum CodingKeys: String, CodingKey {
        case id, edition, pool, title, description, category, location, costEstimate = "cost_estimate"
        case reviewedCost = "reviewed_cost", initiative, supporters, status, reviews, appeals, withdrawal, amendments
    }

    /// One change by the submitter; a change after the review began under the `review_again`
    /// policy lists the reviews it set aside.
    struct AmendmentView: Codable, Sendable {
        var title: String?
        var description: String?
        var costEstimate: Amount?
        var setAsideReviews: [ReviewView]

        enum CodingKeys: String, CodingKey {
            case title, description, costEstimate = "cost_estimate", setAsideReviews = "set_aside_reviews"
        }
    }

    /// One review stage's decision.
    struct ReviewView: Codable, Sendable {
        var stage: ReviewStage
        var outcome: ReviewOutcome
        var justification: String
        var reviewedCost: Amount?
        var reviewer: String

        enum CodingKeys: String, CodingKey {
            case stage, outcome, justification, reviewedCost = "reviewed_cost", reviewer
        }

        /// Reviews in the order of their stages.
        static func list(_ reviews: [ReviewStage: Review]) -> [ReviewView] {
            ReviewStage.allCases.compactMap { stage in
                reviews[stage].map {
                    ReviewView(
                        stage: stage, outcome: $0.outcome, justification: $0.justification,
                        reviewedCost: $0.reviewedCost.map(Amount.init), reviewer: $0.reviewer)
                }
            }
        }
    }

    init(_ proposal: Proposal, in state: EditionState) {
        id = proposal.id
        edition = state.id
        pool = proposal.pool
        title = proposal.title
        description = proposal.description
        category = proposal.category
        location = proposal.location
        costEstimate = Amount(proposal.costEstimate)
        reviewedCost = proposal.reviewedCost.map(Amount.init)
        initiative = proposal.initiative
        supporters = proposal.supporters.count
        status = state.status(of: proposal).rawValue
        reviews = ReviewView.list(proposal.reviews)
        amendments = proposal.amendments.map {
            AmendmentView(
                title: $0.title, description: $0.description, costEstimate: $0.costEstimate.map(Amount.init),
                setAsideReviews: ReviewView.list($0.setAsideReviews))
        }
        appeals = state.appeals.values.filter { $0.proposal == proposal.id }.sorted { $0.id < $1.id }.map(AppealView.init)
        withdrawal = proposal.withdrawal
    }
}
