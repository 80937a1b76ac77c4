import WiecTally

/// A counted pool ready to print: as a terminal table, JSON or Markdown, with or without
/// the step-by-step explanation.
struct TallyReport {
    /// What was counted (a file name, or an edition and pool).
    var source: String
    var election: Election
    var result: TallyResult
    /// The currency code printed after amounts.
    var currency: String

    init(source: String, election: Election, result: TallyResult, currency: String = "PLN") {
        self.source = source
        self.election = election
        self.result = result
        self.currency = currency
    }

    /// The output format chosen with `--format`.
    enum Format: String, CaseIterable {
        case table, json, md
    }

    func rendered(as format: Format, explain: Bool) -> String {
        switch format {
        case .table: table(explain: explain)
        case .json: json(explain: explain).rendered()
        case .md: markdown(explain: explain)
        }
    }

    private func id(_ project: Int) -> String { election.projects[project].id }

    /// Projects in the order the rule considered them (score order for greedy rules), then any
    /// project the explanation does not mention, in the pool's order.
    private var projectOrder: [Int] {
        var order: [Int] = []
        var seen = Set<Int>()
        for step in result.steps {
            if let project = step.project, seen.insert(project).inserted { order.append(project) }
        }
        for project in result.selected + Array(election.projects.indices) where seen.insert(project).inserted {
            order.append(project)
        }
        return order
    }

    // MARK: Table

    private func table(explain: Bool) -> String {
        var lines = [
            "\(source)",
            "Reguła / rule: \(result.ruleName) · Remisy / tie-breaking: \(result.tieBreaking.name)",
            "Budżet / budget: \(result.budget.grouped) \(currency) · Wydano / spent: \(result.spent.grouped) \(currency) · Zostało / left: \(result.left.grouped) \(currency)",
            "",
        ]
        let rows = projectOrder.map { project in
            [id(project), election.projects[project].cost.grouped, String(result.scores[project]), result.statuses[project].rawValue]
        }
        let header = ["projekt / project", "koszt / cost (\(currency))", "wynik / score", "status"]
        let widths = header.indices.map { column in max(header[column].count, rows.map { $0[column].count }.max() ?? 0) }
        func format(_ row: [String]) -> String {
            row.enumerated().map { column, text in
                let pad = String(repeating: " ", count: widths[column] - text.count)
                return column == 1 || column == 2 ? pad + text : text + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        lines.append(format(header))
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += rows.map(format)
        lines.append("")
        lines.append("Wybrane / selected: \(result.selected.count) z / of \(election.projects.count)")
        if !result.ties.isEmpty {
            lines.append("Remisy / ties (\(result.tieBreaking.name)): " + result.ties.map { tie in
                tie.projects.map(id).joined(separator: " > ") + " (\(tie.score))"
            }.joined(separator: "; "))
        }
        if explain {
            lines.append("")
            lines.append("Przebieg / explanation:")
            lines += explanationLines().enumerated().map { "\($0.offset + 1). \($0.element)" }
        }
        return lines.joined(separator: "\n")
    }

    /// One readable line per step, with Polish and English labels.
    func explanationLines() -> [String] {
        result.steps.map { step in
            switch step {
            case .selected(let project, let score, let cost, let left):
                "\(id(project)) (wynik / score \(score)): wybrany / selected, koszt / cost \(cost.grouped), zostaje / left \(left.grouped) \(currency)"
            case .skipped(let project, let score, let cost, let left):
                "\(id(project)) (wynik / score \(score)): pominięty / skipped, koszt / cost \(cost.grouped) > zostało / left \(left.grouped) \(currency)"
            case .toppedUp(let project, let score, let cost, let left, let topUp):
                "\(id(project)) (wynik / score \(score)): wybrany z dopłatą / funded by the top-up (\(result.ruleName)), koszt / cost \(cost.grouped), zostało / left \(left.grouped) \(currency) ≥ \(topUp) kosztu / of the cost; reszta z rezerwy / the rest from reserve funds, liczenie zatrzymane / the count stops"
            case .excluded(let project, let score, let group):
                "\(id(project)) (wynik / score \(score)): pominięty / passed over, grupa wykluczająca pełna / exclusion group full: \(groupText(group))"
            case .belowThreshold(let project, let score, let threshold):
                "\(id(project)) (wynik / score \(score)): poniżej progu / below threshold \(threshold)"
            case .notReached(let project, let score):
                "\(id(project)) (wynik / score \(score)): nieosiągnięty / not reached, liczenie zatrzymane / the count had stopped"
            case .withdrawn(let project, let score):
                "\(id(project)) (wynik / score \(score)): wycofany / withdrawn"
            case .equalSharesRound, .equalSharesBudget, .comparison, .completedGreedily, .phragmenRound:
                proportionalLine(step)
            }
        }
    }

    /// An exclusion group as the explanation names it: `at most 1 of A, B, C`.
    private func groupText(_ group: Int) -> String {
        let group = election.exclusionGroups[group]
        return "najwyżej / at most \(group.limit) z / of \(group.projects.map(id).joined(separator: ", "))"
    }

    // MARK: JSON

    private func json(explain: Bool) -> JSONText {
        var members: [(String, JSONText)] = [
            ("file", .string(source)),
            ("rule", .string(result.ruleName)),
            ("tie_breaking", .string(result.tieBreaking.name)),
            ("budget", .money(result.budget)),
            ("spent", .money(result.spent)),
            ("selected", .array(result.selected.map { .string(id($0)) })),
            ("projects", .array(projectOrder.map { project in
                .object([
                    ("id", .string(id(project))),
                    ("cost", .money(election.projects[project].cost)),
                    ("score", .integer(result.scores[project])),
                    ("status", .string(result.statuses[project].rawValue)),
                ])
            })),
            ("ties", .array(result.ties.map { tie in
                .object([("projects", .array(tie.projects.map { .string(id($0)) })), ("score", .integer(tie.score))])
            })),
        ]
        if explain {
            members.append(("explanation", .array(result.steps.map(stepJSON))))
        }
        return .object(members)
    }

    private func stepJSON(_ step: TallyStep) -> JSONText {
        switch step {
        case .selected(let project, let score, let cost, let left):
            .object([("step", .string("selected")), ("project", .string(id(project))), ("score", .integer(score)), ("cost", .money(cost)), ("budget_left", .money(left))])
        case .skipped(let project, let score, let cost, let left):
            .object([("step", .string("skipped")), ("project", .string(id(project))), ("score", .integer(score)), ("cost", .money(cost)), ("budget_left", .money(left))])
        case .toppedUp(let project, let score, let cost, let left, let topUp):
            .object([("step", .string("topped-up")), ("project", .string(id(project))), ("score", .integer(score)), ("cost", .money(cost)), ("budget_left", .money(left)), ("top_up", .string(topUp.description))])
        case .excluded(let project, let score, let group):
            .object([
                ("step", .string("excluded")), ("project", .string(id(project))), ("score", .integer(score)),
                ("group", .array(election.exclusionGroups[group].projects.map { .string(id($0)) })),
                ("at_most", .integer(election.exclusionGroups[group].limit)),
            ])
        case .belowThreshold(let project, let score, let threshold):
            .object([("step", .string("below-threshold")), ("project", .string(id(project))), ("score", .integer(score)), ("threshold", .integer(threshold))])
        case .notReached(let project, let score):
            .object([("step", .string("not-reached")), ("project", .string(id(project))), ("score", .integer(score))])
        case .withdrawn(let project, let score):
            .object([("step", .string("withdrawn")), ("project", .string(id(project))), ("score", .integer(score))])
        case .equalSharesRound, .equalSharesBudget, .comparison, .completedGreedily, .phragmenRound:
            proportionalJSON(step)
        }
    }

    // MARK: Markdown

    private func markdown(explain: Bool) -> String {
        var lines = [
            "# \(source)",
            "",
            "- Reguła / rule: `\(result.ruleName)`, remisy / tie-breaking: `\(result.tieBreaking.name)`",
            "- Budżet / budget: \(result.budget.grouped) \(currency); wydano / spent: \(result.spent.grouped) \(currency); zostało / left: \(result.left.grouped) \(currency)",
            "",
            "| projekt / project | koszt / cost (\(currency)) | wynik / score | status |",
            "|---|---:|---:|---|",
        ]
        lines += projectOrder.map { project in
            "| \(id(project)) | \(election.projects[project].cost.grouped) | \(result.scores[project]) | \(result.statuses[project].rawValue) |"
        }
        if explain {
            lines.append("")
            lines += explanationLines().enumerated().map { "\($0.offset + 1). \($0.element)" }
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
