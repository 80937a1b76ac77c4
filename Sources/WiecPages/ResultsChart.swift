import WiecTally

/// The results chart, drawn on the server as SVG: the projects in order of score, side by side,
/// each bar as wide as its cost and as high as its score, funded ones filled, with the budget
/// as a vertical line. The table beside it holds the same figures for screen readers.
struct ResultsChart: ViewModel {
    /// The drawing's size in SVG units.
    static let width = 600, height = 340, top = 44, bottom = 320

    var bars: [Bar]
    var budgetX: String
    var budgetLabel: String
    var budgetLabelX: String
    var budgetLabelAnchor: String
    var description: String

    struct Bar: ViewModel {
        var x: String
        var y: String
        var width: String
        var height: String
        var funded: Bool
        var label: String

        func child(named name: String) -> Any? {
            switch name {
            case "x": x
            case "y": y
            case "width": width
            case "height": height
            case "funded": funded
            case "label": label
            default: nil
            }
        }
    }

    init(bars items: [(title: String, cost: Money, score: Int64, funded: Bool)], budget: Money, catalogue: Catalogue, language: Language) {
        let totalCost = max(items.reduce(Int64(0)) { $0 &+ max($1.cost.minorUnits, 0) }, budget.minorUnits, 1)
        let maxScore = max(items.map(\.score).max() ?? 1, 1)
        let span = Double(Self.bottom - Self.top)
        let scaleX = Double(Self.width) / Double(totalCost)
        var cumulative: Int64 = 0
        bars = items.map { item in
            let x = Double(cumulative) * scaleX
            cumulative &+= max(item.cost.minorUnits, 0)
            let height = Double(max(item.score, 0)) / Double(maxScore) * span
            return Bar(
                x: Self.format(x), y: Self.format(Double(Self.bottom) - height), width: Self.format(max(Double(item.cost.minorUnits) * scaleX, 0.5)),
                height: Self.format(height), funded: item.funded,
                label: catalogue.text("chart_bar", language, [
                    "title": item.title, "score": PolishFormat.number(item.score, language), "cost": PolishFormat.money(item.cost, language),
                ]))
        }
        let budgetPosition = Double(budget.minorUnits) * scaleX
        budgetX = Self.format(budgetPosition)
        budgetLabel = catalogue.text("chart_budget", language, ["budget": PolishFormat.money(budget, language)])
        let leftSide = budgetPosition > Double(Self.width) * 0.6
        budgetLabelX = Self.format(leftSide ? budgetPosition - 6 : budgetPosition + 6)
        budgetLabelAnchor = leftSide ? "end" : "start"
        description = catalogue.text("chart_description", language)
    }

    private static func format(_ value: Double) -> String {
        String(Double(Int((value * 10).rounded())) / 10)
    }

    func child(named name: String) -> Any? {
        switch name {
        case "bars": bars
        case "budgetX": budgetX
        case "budgetLabel": budgetLabel
        case "budgetLabelX": budgetLabelX
        case "budgetLabelAnchor": budgetLabelAnchor
        case "description": description
        case "viewBox": "0 0 \(Self.width) \(Self.height)"
        case "top": String(Self.top - 18)
        case "axisY": String(Self.bottom)
        case "width": String(Self.width)
        default: nil
        }
    }
}
