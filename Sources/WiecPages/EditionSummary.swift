import WiecCore

/// An edition as the home page and the edition page show it: its name, its phase in words,
/// the timetable of phases and what a resident can do now.
struct EditionSummary: ViewModel {
    var name: String
    var href: String
    var phase: String
    var phaseHint: String
    var actions: [Link]
    var timetable: [Step]
    /// The dates of the phase now under way, when the timetable gives them.
    var currentDates: String?

    /// One phase of the timetable: done, now, or to come.
    struct Step: ViewModel {
        var label: String
        var state: String
        var isCurrent: Bool
        /// "od 1 marca 2027 do 31 marca 2027", "od 1 czerwca 2027", or `nil` when not dated.
        var dates: String?

        func child(named name: String) -> Any? {
            switch name {
            case "label": label
            case "state": state
            case "isCurrent": isCurrent
            case "dates": dates
            default: nil
            }
        }
    }

    init(_ state: EditionState, catalogue: Catalogue, language: Language) {
        let base = "/edycje/" + state.id
        name = state.name ?? state.id
        href = base
        phase = catalogue.text("phase_\(state.phase.rawValue)", language)
        phaseHint = catalogue.text("phase_hint_\(state.phase.rawValue)", language)
        var actions: [Link] = []
        let t = { (key: String) in catalogue.text(key, language) }
        switch state.phase {
        case .draft: break
        case .submission:
            actions = [Link(href: base + "/projekty/nowy", label: t("action_submit")), Link(href: base + "/projekty", label: t("action_support")),
                       Link(href: base + "/inicjatywy/nowa", label: t("action_initiative"))]
        case .review:
            actions = [Link(href: base + "/projekty", label: t("action_browse"))]
        case .appeals:
            actions = [Link(href: base + "/moje", label: t("action_appeal")), Link(href: base + "/projekty", label: t("action_browse"))]
        case .voting:
            actions = [Link(href: base + "/glosowanie", label: t("action_vote")), Link(href: base + "/projekty", label: t("action_browse"))]
        case .closed:
            actions = [Link(href: base + "/projekty", label: t("action_browse"))]
        case .published:
            actions = [Link(href: base + "/wyniki", label: t("action_results")), Link(href: base + "/projekty", label: t("action_browse"))]
        }
        self.actions = actions
        let planned = state.timetable
        func dates(_ phase: Phase) -> String? {
            guard let start = planned.starts[phase] else { return nil }
            let from = PolishFormat.day(start, language)
            guard let end = planned.end(of: phase), end >= start else { return catalogue.text("timetable_from", language, ["from": from]) }
            return catalogue.text("timetable_from_to", language, ["from": from, "to": PolishFormat.day(end, language)])
        }
        timetable = Phase.allCases.map { phase in
            let progress = phase < state.phase ? "done" : phase == state.phase ? "now" : "next"
            return Step(
                label: catalogue.text("phase_\(phase.rawValue)", language), state: catalogue.text("timetable_\(progress)", language),
                isCurrent: progress == "now", dates: dates(phase))
        }
        currentDates = dates(state.phase)
    }

    func child(named key: String) -> Any? {
        switch key {
        case "name": name
        case "href": href
        case "phase": phase
        case "phaseHint": phaseHint
        case "actions": actions
        case "hasActions": !actions.isEmpty
        case "timetable": timetable
        case "currentDates": currentDates
        default: nil
        }
    }
}
