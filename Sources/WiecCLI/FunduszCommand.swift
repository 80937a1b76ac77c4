import ArgumentParser
import WiecCore
import WiecTally

/// `wiec fundusz`: each sołectwo's village fund from the gmina's revenue and residents, with the steps.
struct FunduszCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fundusz",
        abstract: "Compute each sołectwo's village fund (fundusz sołecki) and print the steps.",
        discussion: """
            F = (2 + Lm/100) × Kb, at most 10 × Kb (art. 3 ust. 1 of the Act of 21 February 2014 on the \
            village fund). Kb = executed current revenues of the year two years before the budget year \
            / the gmina's residents at the end of that year, rounded half up to the grosz; F is rounded \
            half up to --rounding and the cap down to it.
            """
    )

    @Option(help: "The gmina's executed current revenues (dochody bieżące wykonane) of the year two years before the budget year, in PLN (e.g. 19886293.57).")
    var revenue: String

    @Option(help: "The gmina's residents at 31 December of that year.")
    var residents: Int64

    @Option(name: .customLong("solectwo"), help: "A sołectwo and its residents on 30 June of the year before the budget year: NAME=RESIDENTS (repeat).")
    var solectwa: [String] = []

    @Option(help: "Round F to the grosz or to the whole złoty (\(VillageFundRounding.allCases.map(\.rawValue).joined(separator: ", "))).")
    var rounding: VillageFundRounding = .grosz

    @Option(help: "Output format: table or json.")
    var format: FunduszReport.Format = .table

    func run() throws {
        guard let amount = Money(decimal: revenue) else {
            throw ValidationError("--revenue: '\(revenue)' is not an amount in PLN with at most two decimal places")
        }
        var parsed: [(name: String, residents: Int64)] = []
        for (position, item) in solectwa.enumerated() {
            guard let equals = item.lastIndex(of: "="), let count = Int64(item[item.index(after: equals)...]) else {
                throw ValidationError("--solectwo \(position + 1) ('\(item)'): write NAME=RESIDENTS, e.g. Błotnica=77")
            }
            parsed.append((String(item[..<equals]), count))
        }
        guard !parsed.isEmpty else { throw ValidationError("Give at least one --solectwo NAME=RESIDENTS.") }
        let calculation: VillageFundCalculation
        do {
            calculation = try VillageFundFormula.calculate(revenue: amount, residents: residents, solectwa: parsed, rounding: rounding)
        } catch {
            throw ValidationError(error.detail)
        }
        print(FunduszReport(calculation: calculation).rendered(as: format))
    }
}

extension VillageFundRounding: ExpressibleByArgument {}
extension FunduszReport.Format: ExpressibleByArgument {}
