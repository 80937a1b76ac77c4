import Foundation

/// Where the module's resources are: templates, static files and the catalogue.
enum PageResources {
    /// The folder of templates (`NAME.mustache`).
    static var templates: URL? { Bundle.module.url(forResource: "templates", withExtension: nil) }

    /// A static file by name.
    static func staticFile(_ name: String) -> URL? { Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "static") }

    /// A catalogue file by name (`pl`, `staff-pl`, ...).
    static func catalogue(named name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "catalogue")
    }
}
