/// The layout's view model: the installation's name and crest, the switches (text size,
/// contrast, language) in their current state, the navigation and the page's body.
struct LayoutModel: ViewModel {
    let chrome: Chrome
    let request: PageRequest
    let site: SiteSettings
    let catalogue: Catalogue
    /// The rendered body (already escaped by its own template).
    let body: String

    private var language: Language { request.language }

    private struct Size: ViewModel {
        var value: Int
        var mark: String
        var label: String
        var pressed: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "value": String(value)
            case "mark": mark
            case "label": label
            case "pressed": pressed ? "true" : "false"
            default: nil
            }
        }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "lang": language.rawValue
        case "htmlClass":
            ["size-\(request.preferences.textSize)", request.preferences.highContrast ? "contrast" : nil].compactMap { $0 }.joined(separator: " ")
        case "title": chrome.title
        case "municipality": site.municipality
        case "crest": site.crestFile != nil
        case "t": catalogue.table(language)
        case "csrf": request.csrfToken
        case "path": request.path
        case "sizes":
            ["A", "A+", "A++"].enumerated().map { index, mark in
                Size(value: index, mark: mark, label: catalogue.text("text_size_\(index)", language), pressed: request.preferences.textSize == index)
            }
        case "contrastValue": request.preferences.highContrast ? "0" : "1"
        case "contrastPressed": request.preferences.highContrast ? "true" : "false"
        case "otherLanguage": language == .pl ? "en" : "pl"
        case "otherLanguageName": language == .pl ? "English" : "Polski"
        case "nav": chrome.nav
        case "breadcrumbs": chrome.breadcrumbs
        case "hasBreadcrumbs": !chrome.breadcrumbs.isEmpty
        case "flash": chrome.flash
        case "body": body
        default: nil
        }
    }
}
