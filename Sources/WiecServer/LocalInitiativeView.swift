import WiecCore
import WiecTally

/// An edition's local initiatives as the API shows them: the council's criteria and the ranking,
/// each application with its exact weighted sum, decision, agreement and contribution given.
struct LocalInitiativeView: Codable, Sendable {
    struct Criterion: Codable, Sendable {
        var id: String
        var name: String
        var weight: Int64
        var maxPoints: Int64
        var measuresContribution: Bool

        enum CodingKeys: String, CodingKey {
            case id, name, weight, maxPoints = "max_points", measuresContribution = "measures_contribution"
        }
    }

    struct Rules: Codable, Sendable {
        var resolution: String
        var adoptedOn: CalendarDay
        var criteria: [Criterion]
        var tieBreak: LocalInitiativeTieBreak

        enum CodingKeys: String, CodingKey { case resolution, adoptedOn = "adopted_on", criteria, tieBreak = "tie_break" }
    }

    struct ContributionView: Codable, Sendable {
        var workHours: Int64
        var goodsAndServices: Amount
        var money: Amount

        enum CodingKeys: String, CodingKey { case workHours = "work_hours", goodsAndServices = "goods_and_services", money }

        init(_ contribution: Contribution) {
            workHours = contribution.workHours
            goodsAndServices = Amount(contribution.goodsAndServices)
            money = Amount(contribution.money)
        }

        var contribution: Contribution {
            Contribution(workHours: workHours, goodsAndServices: goodsAndServices.money, money: money.money)
        }
    }

    struct Agreement: Codable, Sendable {
        var number: String
        var signedOn: CalendarDay
        var endsOn: CalendarDay
        var gminaShare: Amount
        var contribution: ContributionView

        enum CodingKeys: String, CodingKey { case number, signedOn = "signed_on", endsOn = "ends_on", gminaShare = "gmina_share", contribution }
    }

    struct Ranked: Codable, Sendable {
        var position: Int
        var id: String
        var title: String
        var organisation: String?
        var initiative: String?
        /// The weighted sum exactly, `n` or `n/d`.
        var total: String
        /// The weighted sum rounded half up to two places, for reading.
        var totalDecimal: String
        var contributionTotal: String
        var fullyScored: Bool
        var tieBrokenBy: String?
        var scores: Int
        var approved: Bool?
        var contributionOffered: ContributionView
        var requestedFromGmina: Amount
        var agreement: Agreement?
        var contributionGiven: ContributionView
        var completed: Bool

        enum CodingKeys: String, CodingKey {
            case position, id, title, organisation, initiative, total, totalDecimal = "total_decimal"
            case contributionTotal = "contribution_total", fullyScored = "fully_scored", tieBrokenBy = "tie_broken_by", scores
            case approved, contributionOffered = "contribution_offered", requestedFromGmina = "requested_from_gmina", agreement
            case contributionGiven = "contribution_given", completed
        }
    }

    var edition: String
    var rules: Rules?
    var ranking: [Ranked]

    init(_ state: EditionState) {
        let local = state.localInitiative
        edition = state.id
        rules = local.rules.map { rules in
            Rules(
                resolution: rules.resolution, adoptedOn: rules.adoptedOn,
                criteria: rules.criteria.map {
                    Criterion(id: $0.id, name: $0.name, weight: $0.weight, maxPoints: $0.maxPoints, measuresContribution: $0.measuresContribution)
                },
                tieBreak: rules.tieBreak)
        }
        ranking = local.ranking().compactMap { ranked in
            guard let application = local.applications[ranked.application] else { return nil }
            let organisation: String? =
                switch application.applicant {
                case .residents: nil
                case .organisation(let name): name
                }
            return Ranked(
                position: ranked.position, id: application.id, title: application.title, organisation: organisation,
                initiative: application.initiative, total: ranked.total.description, totalDecimal: ranked.total.decimal(places: 2),
                contributionTotal: ranked.contributionTotal.description, fullyScored: ranked.isFullyScored,
                tieBrokenBy: ranked.tieBrokenBy, scores: application.scores.count, approved: application.approved,
                contributionOffered: ContributionView(application.contribution), requestedFromGmina: Amount(application.requestedFromGmina),
                agreement: application.agreement.map {
                    Agreement(number: $0.number, signedOn: $0.signedOn, endsOn: $0.endsOn, gminaShare: Amount($0.gminaShare), contribution: ContributionView($0.contribution))
                },
                contributionGiven: ContributionView(application.contributionGiven), completed: application.isCompleted)
        }
    }
}
