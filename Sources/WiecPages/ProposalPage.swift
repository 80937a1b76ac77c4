import WiecCore

/// A proposal's page: its description, pool, category and location, the estimate beside the
/// reviewed cost, the review history with every justification, appeals and their decisions,
/// the support count, and what the visitor can do with it now.
struct ProposalPage: ViewModel {
    var title: String
    var status: String
    var tone: String
    var paragraphs: [String]
    var facts: [Fact]
    var reviews: [Review]
    var appeals: [Appeal]
    var support: Support
    var ownActions: [Link]
    var errors: FormErrors = FormErrors()

    struct Review: ViewModel {
        var stage: String
        var outcome: String
        var tone: String
        var justification: String
        var cost: String?

        func child(named name: String) -> Any? {
            switch name {
            case "stage": stage
            case "outcome": outcome
            case "tone": tone
            case "justification": justification
            case "cost": cost
            default: nil
            }
        }
    }

    struct Appeal: ViewModel {
        var stage: String
        var grounds: String
        var decision: String
        var justification: String?

        func child(named name: String) -> Any? {
            switch name {
            case "stage": stage
            case "grounds": grounds
            case "decision": decision
            case "justification": justification
            default: nil
            }
        }
    }

    /// The support list: how many signed, how many are needed, and the button or its stand-in.
    struct Support: ViewModel {
        var count: String
        var open: Bool
        var signed: Bool
        var signedIn: Bool
        var action: String
        var signInHref: String

        func child(named name: String) -> Any? {
            switch name {
            case "count": count
            case "open": open
            case "canSign": open && signedIn && !signed
            case "signed": signed
            case "needsSignIn": open && !signedIn
            case "action": action
            case "signInHref": signInHref
            default: nil
            }
        }
    }

    init(_ proposal: Proposal, in state: EditionState, viewer: VoterID?, catalogue: Catalogue, language: Language) {
        let t = { (key: String) in catalogue.text(key, language) }
        let words = ProposalText(catalogue: catalogue, language: language)
        let base = "/edycje/\(state.id)/projekty/\(proposal.id)"
        let config = state.pools[proposal.pool]?.config
        title = proposal.title
        let status = state.status(of: proposal)
        self.status = words.status(status)
        tone = words.tone(status)
        paragraphs = ProposalText.paragraphs(proposal.description)
        var facts = [Fact(term: t("proposal_pool"), value: config?.name ?? proposal.pool)]
        if let category = proposal.category { facts.append(Fact(term: t("proposal_category"), value: category)) }
        if let location = proposal.location { facts.append(Fact(term: t("proposal_location"), value: location)) }
        facts.append(Fact(term: t("proposal_estimate"), value: PolishFormat.money(proposal.costEstimate, language)))
        facts.append(Fact(term: t("proposal_reviewed_cost"), value: proposal.reviewedCost.map { PolishFormat.money($0, language) } ?? t("proposal_not_yet")))
        if let withdrawal = proposal.withdrawal { facts.append(Fact(term: t("proposal_withdrawn"), value: withdrawal)) }
        self.facts = facts
        reviews = ReviewStage.allCases.compactMap { stage in
            proposal.reviews[stage].map { review in
                Review(
                    stage: words.stage(stage), outcome: words.outcome(review.outcome), tone: review.outcome == .positive ? "good" : "bad",
                    justification: review.justification, cost: review.reviewedCost.map { PolishFormat.money($0, language) })
            }
        }
        appeals = state.appeals.values.filter { $0.proposal == proposal.id }.sorted { $0.id < $1.id }.map { appeal in
            Appeal(
                stage: words.stage(appeal.stage), grounds: appeal.grounds,
                decision: appeal.upheld.map { t($0 ? "appeal_upheld" : "appeal_dismissed") } ?? t("appeal_pending"),
                justification: appeal.justification)
        }
        let needed = config?.supportListSize ?? 0
        let signatures = Int64(proposal.supporters.count)
        support = Support(
            count: needed > 0
                ? catalogue.counted("support_of", signatures, language, ["needed": PolishFormat.number(needed, language)])
                : catalogue.counted("support_count", signatures, language),
            open: state.phase == .submission, signed: viewer.map { proposal.supporters.contains($0) } ?? false, signedIn: viewer != nil,
            action: base + "/poparcie", signInHref: "/edycje/\(state.id)/logowanie?wroc=" + AccountPages.encoded(base))
        var own: [Link] = []
        if let viewer, viewer == proposal.submitter {
            if state.phase == .submission || state.phase == .review { own.append(Link(href: base + "/zmiana", label: t("action_amend"))) }
            if state.phase == .appeals, ReviewStage.allCases.contains(where: { proposal.outcome(of: $0) == .negative }) {
                own.append(Link(href: base + "/odwolanie", label: t("action_appeal_this")))
            }
        }
        ownActions = own
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "status": status
        case "tone": tone
        case "paragraphs": paragraphs
        case "facts": facts
        case "reviews": reviews
        case "hasReviews": !reviews.isEmpty
        case "appeals": appeals
        case "hasAppeals": !appeals.isEmpty
        case "support": support
        case "ownActions": ownActions
        case "hasOwnActions": !ownActions.isEmpty
        case "hasErrors": !errors.isEmpty
        case "errors": errors.summary
        default: nil
        }
    }
}
