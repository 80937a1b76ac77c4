import WiecCore
import WiecTally

/// A village fund calculation as a table of steps or as JSON.
struct FunduszReport {
    /// The output formats of `wiec fundusz`.
    enum Format: String, CaseIterable {
        case table, json
    }

    let calculation: VillageFundCalculation

    func rendered(as format: Format) -> String {
        switch format {
        case .table: table
        case .json: json.rendered()
        }
    }

    private var table: String {
        let c = calculation
        let kbExact = Rational(BigInt(c.revenue.minorUnits), BigInt(c.residents) * Int64(100))
        var lines = [
            "Fundusz sołecki: F = (2 + Lm/100) × Kb, F ≤ 10 × Kb (art. 3 ust. 1 ustawy z dnia 21 lutego 2014 r. o funduszu sołeckim)",
            "Kb = \(c.revenue.grouped) zł / \(c.residents) = \(Self.groupedDecimal(kbExact.decimal(places: 6)))… zł → \(c.baseAmount.groupedWithGrosze) zł (half up to the grosz)",
            "10 × Kb = \(c.cap.groupedWithGrosze) zł (the cap, rounded down to the \(c.rounding.rawValue))",
            "",
        ]
        let rows = c.amounts.map { item -> [String] in
            let factor = Money(minorUnits: 200 + item.residents).groupedWithGrosze
            let exact = Self.groupedDecimal(Self.fourPlaces(item.exactHundredths))
            return [
                item.solectwo, String(item.residents), "\(factor) × \(c.baseAmount.groupedWithGrosze) = \(exact) zł",
                "\(item.amount.groupedWithGrosze) zł", item.capped ? "10 × Kb" : "",
            ]
        }
        let header = ["sołectwo", "Lm", "(2 + Lm/100) × Kb", "F", ""]
        let total = ["razem", String(c.amounts.reduce(0) { $0 + $1.residents }), "", "\(c.total.groupedWithGrosze) zł", ""]
        let all = [header] + rows + [total]
        let widths = (0..<header.count).map { column in all.map { $0[column].count }.max() ?? 0 }
        for row in all {
            let cells = row.enumerated().map { column, text in
                let pad = String(repeating: " ", count: widths[column] - text.count)
                return column == 1 || column == 3 ? pad + text : text + pad
            }
            lines.append(cells.joined(separator: "  ").trimmingTrailingSpaces())
        }
        return lines.joined(separator: "\n")
    }

    private var json: JSONText {
        let c = calculation
        return .object([
            ("revenue", .money(c.revenue)), ("residents", .integer(c.residents)), ("rounding", .string(c.rounding.rawValue)),
            ("base_amount", .money(c.baseAmount)), ("cap", .money(c.cap)), ("total", .money(c.total)),
            ("solectwa", .array(c.amounts.map { item in
                .object([
                    ("name", .string(item.solectwo)), ("residents", .integer(item.residents)),
                    ("exact", .number(Self.fourPlaces(item.exactHundredths))), ("amount", .money(item.amount)),
                    ("capped", .bool(item.capped)),
                ])
            })),
        ])
    }

    /// Hundredths of a grosz as złoty with four decimal places: `107210911` → `10721.0911`.
    static func fourPlaces(_ hundredths: Int64) -> String {
        let fraction = String(hundredths % 10_000)
        return "\(hundredths / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }

    /// A plain decimal (`3870.434716`) grouped by thousands with a decimal comma (`3 870,434716`).
    static func groupedDecimal(_ text: String) -> String {
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = Money(minorUnits: (Int64(parts[0]) ?? 0) * Money.minorUnitsPerUnit).grouped
        return parts.count == 2 ? whole + "," + parts[1] : whole
    }
}

extension Money {
    /// ``grouped`` that always shows the grosze: `3 870,00`.
    var groupedWithGrosze: String {
        isWholeUnits ? grouped + ",00" : grouped
    }
}
