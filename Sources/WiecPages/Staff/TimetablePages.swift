import Hummingbird
import WiecCore
import WiecGateway

/// The timetable form (harmonogram): the day each phase is planned to begin, as the town
/// announces it; residents read it on the edition and home pages. A day the calendar does not
/// have, or phases out of order, are refused beside the field at fault.
struct TimetablePages: Sendable {
    let site: StaffSite

    private var renderer: PageRenderer { site.renderer }

    func add(to routes: RouteCollection<WiecRequestContext>) {
        site.get(routes, "\(StaffSite.root)/edycje/{edition}/harmonogram") { staff, _, context in
            let state = try site.residents.edition(context)
            _ = try site.actor(staff, on: state.id, as: .official)
            return show(state, staff, form: nil, errors: FormErrors())
        }
        site.post(routes, "\(StaffSite.root)/edycje/{edition}/harmonogram") { staff, form, _, context in
            let state = try site.residents.edition(context)
            let actor = try site.actor(staff, on: state.id, as: .official)
            var errors = FormErrors()
            var starts: [Phase: CalendarDay] = [:]
            for phase in Timetable.datedPhases {
                let text = (form.value(phase.rawValue) ?? "").trimmingCharacters(in: .whitespaces)
                guard !text.isEmpty else { continue }
                guard let day = CalendarDay(iso: text) else {
                    errors.add(phase.rawValue, renderer.text("staff_timetable_day_invalid", staff.page))
                    continue
                }
                if let (earlier, day0) = starts.max(by: { $0.value < $1.value }), day <= day0 {
                    errors.add(phase.rawValue, renderer.text("staff_timetable_order", staff.page, [
                        "phase": renderer.catalogue.text("phase_" + earlier.rawValue, staff.page.language)]))
                }
                starts[phase] = day
            }
            if errors.isEmpty {
                do {
                    _ = try await site.gateway.execute(
                        .setTimetable(Timetable(starts: starts)), on: state.id, by: actor, ledgerKey: ResidentSite.ledgerKey(form, actor: actor))
                    return renderer.redirect("\(StaffSite.root)/edycje/\(state.id)?ok=staff_timetable_set", request: staff.page)
                } catch let refusal as Refusal where refusal.reason != .notAllowed && refusal.reason != .notInScope {
                    errors.add(nil, renderer.messages.message(for: refusal, staff.page.language))
                }
            }
            return show(state, staff, form: form, errors: errors)
        }
    }

    private func show(_ state: EditionState, _ staff: StaffRequest, form: FormData?, errors: FormErrors) -> Response {
        let t = { (key: String) in renderer.text(key, staff.page) }
        let fields = Timetable.datedPhases.map { phase in
            FieldModel(
                name: phase.rawValue, label: renderer.catalogue.text("phase_" + phase.rawValue, staff.page.language), hint: t("staff_timetable_day_hint"),
                value: form?.value(phase.rawValue) ?? state.timetable.starts[phase]?.description ?? "", maxLength: 10, autocomplete: "off",
                required: false, width: "short")
        }
        let model = FormPage(
            heading: t("staff_timetable_title"), lead: t("staff_timetable_lead"), action: "\(StaffSite.root)/edycje/\(state.id)/harmonogram",
            fields: fields, errors: errors, submit: t("staff_timetable_submit"))
        return renderer.response(
            "form", model, chrome: site.chrome(model.heading, staff.page, edition: state, section: "edition"), request: staff.page,
            status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
