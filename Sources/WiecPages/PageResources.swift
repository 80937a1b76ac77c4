import Foundation

/// Where the module's resources are: templates, static files and the catalogue.
enum PageResources {
    /// The folder of templates (`NAME.mustache`).
    static var templates: URL? { Bundle.module.url(forResource: "templates", withExtension: nil) }

    /// A static file by name.
    static func staticFile(_ name: String) -> URL? { Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "static") }

    /// A language's catalogue.
    static func catalogue(_ language: Language) -> URL? {
        Bundle.module.url(forResource: language.rawValue, withExtension: "json", subdirectory: "catalogue")
    }
}
