/// The accessibility statement (deklaracja dostępności) with the parts the ministry's template
/// asks for: dates, compliance status, what is not accessible and why, how it was assessed,
/// the contact and request procedure, and the complaint route.
struct AccessibilityStatement: ViewModel {
    var municipality: String
    var published: String
    var updated: String
    var contactName: String
    var email: String
    var phone: String
    var website: String?

    init(site: SiteSettings, catalogue: Catalogue, language: Language) {
        municipality = site.municipality
        published = PolishFormat.day(text: site.statementPublished, language)
        updated = PolishFormat.day(text: site.statementUpdated, language)
        contactName = site.accessibilityContactName
        email = site.accessibilityEmail
        phone = site.accessibilityPhone
        website = site.website
    }

    func child(named name: String) -> Any? {
        switch name {
        case "municipality": municipality
        case "published": published
        case "updated": updated
        case "contactName": contactName
        case "email": email
        case "mailto": "mailto:" + email
        case "phone": phone
        case "website": website
        default: nil
        }
    }
}
