import WiecCore
import WiecTally

/// The "check your answers" step before a ballot is cast: the choices with their costs (and
/// points or ranks), the totals, and the one button that stores anything, "Oddaj głos".
struct ReviewPage: ViewModel {
    var pool: String
    var action: String
    var rows: [Row]
    var markLabel: String?
    var markTotal: String
    var total: String
    var hidden: [Fact]
    var formKey: String

    struct Row: ViewModel {
        var title: String
        var mark: String
        var cost: String

        func child(named name: String) -> Any? {
            switch name {
            case "title": title
            case "mark": mark
            case "cost": cost
            default: nil
            }
        }
    }

    init(state: EditionState, config: PoolConfig, projects: [Proposal], choices: BallotChoices, check: BallotCheck, formKey: String,
         catalogue: Catalogue, language: Language) {
        let ballot = choices.ballot(config: config, projects: projects)
        let byID = Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0) })
        pool = config.name
        action = "/edycje/\(state.id)/glosowanie/\(config.id)"
        rows = ballot.projects.compactMap { id in
            guard let proposal = byID[id] else { return nil }
            return Row(
                title: proposal.title, mark: choices.marks[id].map { PolishFormat.number($0, language) } ?? "",
                cost: PolishFormat.money(proposal.reviewedCost ?? proposal.costEstimate, language))
        }
        switch config.voteType {
        case .cumulative, .scoring: markLabel = catalogue.text("review_points", language)
        case .ordinal: markLabel = catalogue.text("review_rank", language)
        case .approval, .chooseOne: markLabel = nil
        }
        markTotal = config.voteType == .ordinal ? "" : PolishFormat.number(check.points, language)
        total = PolishFormat.money(check.cost, language)
        let prefix = config.voteType == .ordinal ? "miejsce-" : "punkty-"
        hidden = ballot.projects.map { id in
            switch config.voteType {
            case .approval, .chooseOne: Fact(term: "projekt", value: id)
            case .cumulative, .scoring, .ordinal: Fact(term: prefix + id, value: String(choices.marks[id] ?? 0))
            }
        }
        self.formKey = formKey
    }

    func child(named name: String) -> Any? {
        switch name {
        case "pool": pool
        case "action": action
        case "rows": rows
        case "hasMarks": markLabel != nil
        case "markLabel": markLabel
        case "markTotal": markTotal
        case "total": total
        case "hidden": hidden
        case "formKey": formKey
        default: nil
        }
    }
}
