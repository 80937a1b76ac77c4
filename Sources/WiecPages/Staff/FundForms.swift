import Foundation
import WiecCore
import WiecGateway
import WiecTally

/// The village fund's forms as an official or sołtys types them, read into the same values the
/// API takes (the core then checks them as it checks any command). Each reader adds a message
/// beside the field at fault, naming the line of a multi-line field.
struct FundForms {
    let renderer: PageRenderer
    let page: PageRequest

    private func t(_ key: String, _ arguments: [String: String] = [:]) -> String { renderer.text(key, page, arguments) }

    /// Today in Warsaw, as the date fields show it first.
    static var today: String { CalendarDay(Date(), in: CalendarDay.warsaw).description }

    /// A date field: `RRRR-MM-DD` or `DD.MM.RRRR`.
    func day(_ form: FormData, _ field: String, _ errors: inout FormErrors) -> CalendarDay? {
        let text = form.value(field) ?? ""
        if let day = CalendarDay(iso: text) { return day }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 2, parts[1].count == 2, let day = CalendarDay(iso: "\(parts[2])-\(parts[1])-\(parts[0])") { return day }
        errors.add(field, t("fund_error_day"))
        return nil
    }

    /// A one-line text field, required unless `optional`.
    func line(_ form: FormData, _ field: String, _ errors: inout FormErrors, optional: Bool = false) -> String? {
        let text = form.value(field) ?? ""
        if text.isEmpty {
            if !optional { errors.add(field, t("fund_error_required")) }
            return nil
        }
        guard let line = try? TextRules.line(text, field) else {
            errors.add(field, t("fund_error_line"))
            return nil
        }
        return line
    }

    /// A paragraph (reasons, a justification), required.
    func paragraph(_ form: FormData, _ field: String, _ errors: inout FormErrors) -> String? {
        let text = (form.raw(field) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            errors.add(field, t("fund_error_reasons"))
            return nil
        }
        guard let paragraph = try? TextRules.paragraph(text, field, allowEmpty: false) else {
            errors.add(field, t("fund_error_paragraph"))
            return nil
        }
        return paragraph
    }

    /// An id a person chooses (a fund, an assembly, an application).
    func id(_ form: FormData, _ field: String, _ errors: inout FormErrors) -> String? {
        let text = form.value(field) ?? ""
        guard let id = try? TextRules.id(text, field) else {
            errors.add(field, t("fund_error_id"))
            return nil
        }
        return id
    }

    /// A whole number from `range`.
    func count(_ form: FormData, _ field: String, _ range: ClosedRange<Int64>, _ errors: inout FormErrors) -> Int64? {
        let text = (form.value(field) ?? "").filter { !$0.isWhitespace && $0 != "\u{00A0}" }
        guard let value = Int64(text), range.contains(value) else {
            errors.add(field, t("fund_error_count", ["min": String(range.lowerBound), "max": String(range.upperBound)]))
            return nil
        }
        return value
    }

    /// An amount in złoty.
    func money(_ form: FormData, _ field: String, _ errors: inout FormErrors) -> Money? {
        guard let money = PolishFormat.parseMoney(form.value(field) ?? ""), money <= Bounds.maxAmount else {
            errors.add(field, t("fund_error_money"))
            return nil
        }
        return money
    }

    /// The sołectwa of an announcement, one a line: `name; residents`, optionally followed by
    /// `; addition; its basis` for what the gmina adds beyond the formula.
    func solectwa(_ form: FormData, _ field: String, _ errors: inout FormErrors) -> [SolectwoInput]? {
        var rows: [SolectwoInput] = []
        var names = Set<String>()
        for (number, line) in Self.lines(form.raw(field) ?? "") {
            let parts = line.split(separator: ";", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            func say(_ key: String) { errors.add(field, t(key, ["line": String(number)])) }
            guard (2...4).contains(parts.count), let name = try? TextRules.line(parts[0], field), !name.isEmpty else { say("fund_error_solectwo_line"); return nil }
            guard let residents = Int64(parts[1].filter { !$0.isWhitespace }), (0...Int64(Bounds.maxCount)).contains(residents) else { say("fund_error_solectwo_residents"); return nil }
            var addition = Money.zero
            if parts.count >= 3, !parts[2].isEmpty {
                guard let amount = PolishFormat.parseMoney(parts[2]), amount <= Bounds.maxAmount else { say("fund_error_solectwo_addition"); return nil }
                addition = amount
            }
            let basis = parts.count == 4 && !parts[3].isEmpty ? try? TextRules.line(parts[3], field) : nil
            if addition > .zero, basis == nil { say("fund_error_solectwo_basis"); return nil }
            guard names.insert(name).inserted else { say("fund_error_solectwo_twice"); return nil }
            rows.append(SolectwoInput(solectwo: name, residents: residents, addition: addition, additionBasis: basis))
        }
        guard !rows.isEmpty else {
            errors.add(field, t("fund_error_solectwa_none"))
            return nil
        }
        guard rows.count <= 1_000 else {
            errors.add(field, t("fund_error_solectwa_many"))
            return nil
        }
        return rows
    }

    /// The projects of an assembly's minutes, one a line:
    /// `id; title; cost estimate; for; against; abstaining; justification`.
    func projects(_ form: FormData, _ field: String, _ errors: inout FormErrors) -> [AssemblyProject]? {
        var projects: [AssemblyProject] = []
        for (number, line) in Self.lines(form.raw(field) ?? "") {
            let parts = line.split(separator: ";", maxSplits: 6, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            func say(_ key: String) { errors.add(field, t(key, ["line": String(number)])) }
            guard parts.count == 7 else { say("fund_error_project_fields"); return nil }
            guard let id = try? TextRules.id(parts[0], field) else { say("fund_error_project_id"); return nil }
            guard let title = try? TextRules.line(parts[1], field), !title.isEmpty else { say("fund_error_project_title"); return nil }
            guard let cost = PolishFormat.parseMoney(parts[2]), cost > .zero, cost <= Bounds.maxAmount else { say("fund_error_project_cost"); return nil }
            let votes = parts[3...5].map { Int($0) }
            guard votes.allSatisfy({ $0 != nil && $0! >= 0 && $0! <= VillageFund.maximumAttendance }) else { say("fund_error_project_votes"); return nil }
            guard let justification = try? TextRules.paragraph(parts[6], field, allowEmpty: false) else { say("fund_error_project_justification"); return nil }
            guard !projects.contains(where: { $0.id == id }) else { say("fund_error_project_twice"); return nil }
            projects.append(AssemblyProject(
                id: id, title: title, costEstimate: cost, justification: justification,
                votes: AssemblyVotes(inFavour: votes[0]!, against: votes[1]!, abstaining: votes[2]!)))
        }
        guard !projects.isEmpty else {
            errors.add(field, t("fund_error_projects_none"))
            return nil
        }
        guard projects.count <= 100 else {
            errors.add(field, t("fund_error_projects_many"))
            return nil
        }
        return projects
    }

    /// Ids separated by commas or spaces (the projects an application names).
    func ids(_ form: FormData, _ field: String, _ errors: inout FormErrors) -> [String]? {
        let ids = (form.value(field) ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        guard !ids.isEmpty, ids.count <= 100 else {
            errors.add(field, t("fund_error_application_projects"))
            return nil
        }
        return ids
    }

    /// The non-empty lines of a text, numbered from 1.
    private static func lines(_ text: String) -> [(Int, String)] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().compactMap { index, raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            return line.isEmpty ? nil : (index + 1, line)
        }
    }
}
