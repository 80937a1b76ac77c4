import WiecTally

/// Lines and JSON for the steps of the proportional rules (Equal Shares, its completions and
/// comparison, Phragmén), with Polish and English labels.
extension TallyReport {
    private func projectID(_ project: Int) -> String { election.projects[project].id }

    /// An exact amount in minor units, printed in major units with two decimals.
    private func amount(_ minorUnits: Rational) -> String {
        Rational(minorUnits.numerator, minorUnits.denominator * BigInt(Money.minorUnitsPerUnit)).decimal(places: 2)
    }

    private func cost(of project: Int) -> Rational { Rational(election.projects[project].cost.minorUnits) }

    private func rest(_ round: EqualSharesRound) -> Rational {
        let cost = cost(of: round.project), paid = round.exhaustedPaid
        return Rational(cost.numerator * paid.denominator - paid.numerator, paid.denominator)
    }

    /// One readable line for a proportional step.
    func proportionalLine(_ step: TallyStep) -> String {
        switch step {
        case .equalSharesRound(let round):
            var line = "\(projectID(round.project)): kupiony / bought, ρ = \(round.rho.decimal(places: 6)) (dokładnie / exactly \(round.rho)); "
                + "płaci / paid by \(round.payers) zwolenników / supporters: "
                + "\(round.exhaustedPayers) wszystko, co mieli / all they had (\(amount(round.exhaustedPaid)) \(currency)), "
                + "\(round.payers - round.exhaustedPayers) po ρ × użyteczność / ρ × utility each (\(amount(rest(round))) \(currency))"
            if !round.becameUnaffordable.isEmpty {
                line += "; odtąd poza zasięgiem / now unaffordable: " + round.becameUnaffordable.map(projectID).joined(separator: ", ")
            }
            if !round.tiedWith.isEmpty {
                line += "; remis rozstrzygnięty z / tie broken against: " + round.tiedWith.map(projectID).joined(separator: ", ")
            }
            return line
        case .equalSharesBudget(let perVoter, let increments):
            return "budżet na wyborcę / budget per voter: \(amount(perVoter)) \(currency) (podniesiony o / raised by \(increments) × 1 \(currency))"
        case .comparison(let forEqualShares, let forGreedy, let keptGreedy):
            return "porównanie / comparison: \(forEqualShares) wyborców woli MES / voters prefer MES, \(forGreedy) woli wynik zachłanny / prefer greedy: "
                + (keptGreedy ? "wynik zachłanny / greedy outcome kept" : "wynik MES / MES outcome kept")
        case .completedGreedily(let project, let score, let cost, let left):
            return "\(projectID(project)) (wynik / score \(score)): dobrany zachłannie / added by greedy completion, koszt / cost \(cost.grouped), zostaje / left \(left.grouped) \(currency)"
        case .phragmenRound(let project, let load, let supporters):
            return "\(projectID(project)): kupiony / bought, obciążenie / load \(amount(load)) \(currency) na każdego z \(supporters) zwolenników / for each of \(supporters) supporters"
        default:
            return ""
        }
    }

    /// The JSON object for a proportional step; exact fractions are strings `n/d`.
    func proportionalJSON(_ step: TallyStep) -> JSONText {
        switch step {
        case .equalSharesRound(let round):
            return .object([
                ("step", .string("equalshares-round")), ("project", .string(projectID(round.project))),
                ("rho", .string(round.rho.description)), ("rho_approx", .number(round.rho.decimal(places: 9))),
                ("payers", .integer(round.payers)), ("exhausted_payers", .integer(round.exhaustedPayers)),
                ("exhausted_paid", .string(amount(round.exhaustedPaid))), ("others_paid", .string(amount(rest(round)))),
                ("became_unaffordable", .array(round.becameUnaffordable.map { .string(projectID($0)) })),
                ("tied_with", .array(round.tiedWith.map { .string(projectID($0)) })),
            ])
        case .equalSharesBudget(let perVoter, let increments):
            return .object([("step", .string("equalshares-budget")), ("per_voter", .string(perVoter.description)),
                            ("per_voter_approx", .number(amount(perVoter))), ("increments", .integer(increments))])
        case .comparison(let forEqualShares, let forGreedy, let keptGreedy):
            return .object([("step", .string("comparison")), ("prefer_equalshares", .integer(forEqualShares)),
                            ("prefer_greedy", .integer(forGreedy)), ("kept", .string(keptGreedy ? "greedy" : "equalshares"))])
        case .completedGreedily(let project, let score, let cost, let left):
            return .object([("step", .string("completed-greedily")), ("project", .string(projectID(project))), ("score", .integer(score)),
                            ("cost", .money(cost)), ("budget_left", .money(left))])
        case .phragmenRound(let project, let load, let supporters):
            return .object([("step", .string("phragmen-round")), ("project", .string(projectID(project))),
                            ("load", .string(load.description)), ("load_approx", .number(amount(load))), ("supporters", .integer(supporters))])
        default:
            return .null
        }
    }
}
