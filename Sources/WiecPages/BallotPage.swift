import WiecCore
import WiecTally

/// A pool's ballot: the limits stated before choosing, one control per project for the pool's
/// ballot type (checkboxes, radios, points or ranks), the budget bar with choices and points
/// left, the problems of the current choice in plain words, a category filter, "Przelicz"
/// (recount, no JavaScript needed) and the step to review the ballot.
struct BallotPage: ViewModel {
    var pool: String
    var action: String
    var ballotType: String
    var limits: [String]
    /// The projects' rows, rendered (``BallotRows``).
    var rows: String
    var hidden: [Fact]
    var categories: FieldModel?
    var status: [String]
    var barPercent: Int
    var barOver: Bool
    var problems: [String]
    var refusal: String?
    var current: [String]
    var formKey: String

    /// One project on the ballot, as it shows to one voter.
    struct Row: ViewModel, Hashable {
        var id: String
        var title: String
        var cost: String
        var category: String?
        var location: String?
        var href: String
        var checked: Bool
        var number: String
        var max: String?

        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "inputID": "projekt-" + id
            case "title": title
            case "cost": cost
            case "category": category
            case "location": location
            case "href": href
            case "checked": checked
            case "number": number
            case "max": max
            default: nil
            }
        }
    }

    init(
        state: EditionState, config: PoolConfig, projects: [Proposal], choices: BallotChoices, category: String?, check: BallotCheck,
        refusal: String?, extra: [String], current: CastBallot?, formKey: String, rowRenderer: BallotRows, catalogue: Catalogue, language: Language
    ) {
        let rules = PoolRules(config: config, catalogue: catalogue, language: language)
        let t = { (key: String) in catalogue.text(key, language) }
        pool = config.name
        action = "/edycje/\(state.id)/glosowanie/\(config.id)"
        ballotType = rules.ballot
        limits = rules.limits
        let shown = projects.filter { category == nil || $0.category == category }
        let shownIDs = Set(shown.map(\.id))
        let maxPoints = config.limits.maxPoints.map(String.init)
        rows = rowRenderer.html(shown.map { proposal in
            let mark = choices.marks[proposal.id]
            return Row(
                id: proposal.id, title: proposal.title, cost: PolishFormat.money(proposal.reviewedCost ?? proposal.costEstimate, language), category: proposal.category, location: proposal.location, href: "/edycje/\(state.id)/projekty/\(proposal.id)", checked: mark != nil,
                number: mark.map(String.init) ?? "", max: maxPoints)
        }, voteType: config.voteType, language: language)
        // Choices on projects the filter hides travel with the form.
        let prefix = config.voteType == .ordinal ? "miejsce-" : "punkty-"
        hidden = projects.filter { !shownIDs.contains($0.id) }.compactMap { proposal in
            guard let mark = choices.marks[proposal.id] else { return nil }
            switch config.voteType {
            case .approval, .chooseOne: return Fact(term: "projekt", value: proposal.id)
            case .cumulative, .scoring, .ordinal: return Fact(term: prefix + proposal.id, value: String(mark))
            }
        }
        let all = Set(projects.compactMap(\.category)).sorted()
        categories = all.count < 2 ? nil : FieldModel(
            name: "kategoria", label: t("ballot_category"), value: category ?? "", kind: .select,
            options: [Option(value: "", label: t("list_all"), selected: category == nil)] + all.map { Option(value: $0, label: $0, selected: category == $0) },
            required: false)
        var status = [catalogue.counted("ballot_chosen", Int64(check.chosen), language)]
        if let maximum = config.limits.maxLength, config.voteType != .chooseOne {
            status.append(catalogue.counted("ballot_left", Int64(max(maximum - check.chosen, 0)), language))
        }
        if config.voteType == .cumulative || config.voteType == .scoring, let sum = config.limits.maxSumPoints {
            status.append(catalogue.counted("ballot_points_left", max(sum - check.points, 0), language,
                                            ["given": PolishFormat.number(check.points, language)]))
        }
        let ceiling = config.limits.maxSumCost ?? config.budget
        status.append(catalogue.text("ballot_cost", language, ["cost": PolishFormat.money(check.cost, language), "max": PolishFormat.money(ceiling, language)]))
        self.status = status
        barPercent = ceiling.minorUnits > 0 ? Int(min(check.cost.minorUnits.multipliedReportingOverflow(by: 100).partialValue / ceiling.minorUnits, 100)) : 0
        barOver = config.limits.maxSumCost.map { check.cost > $0 } ?? false
        problems = check.problems + extra
        self.refusal = refusal
        self.current = current.map { ballot in
            let byID = Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0.title) })
            let choices = BallotChoices(ballot: ballot, config: config)
            return ballot.projects.map { id in
                let title = byID[id] ?? id
                switch config.voteType {
                case .cumulative, .scoring: return catalogue.counted("ballot_current_points", choices.marks[id] ?? 0, language, ["project": title])
                case .ordinal: return "\(choices.marks[id] ?? 0). \(title)"
                case .approval, .chooseOne: return title
                }
            }
        } ?? []
        self.formKey = formKey
    }

    func child(named name: String) -> Any? {
        switch name {
        case "pool": pool
        case "action": action
        case "ballotType": ballotType
        case "limits": limits
        case "rows": rows
        case "hidden": hidden
        case "categories": categories
        case "status": status
        case "barPercent": String(barPercent)
        case "barOver": barOver
        case "problems": problems
        case "hasProblems": !problems.isEmpty || refusal != nil
        case "refusal": refusal
        case "current": current
        case "hasCurrent": !current.isEmpty
        case "formKey": formKey
        default: nil
        }
    }
}
