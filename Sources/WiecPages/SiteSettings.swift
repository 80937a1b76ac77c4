public import Foundation

/// What an installation says about itself: the municipality's name, its crest, its main colour
/// and who answers accessibility requests. Read from a JSON file given to `wiec serve
/// --site FILE`; every key is optional and the defaults are plain and official-looking.
public struct SiteSettings: Sendable, Hashable, Codable {
    /// The municipality, e.g. "Gmina Świecie"; shown in the header and the title of every page.
    public var municipality: String
    /// A PNG or SVG file of the crest (herb), served from this host; `nil` shows none.
    public var crestFile: String?
    /// The main colour, `#RRGGBB`; white text on it must have a contrast of at least 4.5:1.
    public var colour: String
    /// Who handles accessibility requests (name or office).
    public var accessibilityContactName: String
    /// Their e-mail address.
    public var accessibilityEmail: String
    /// Their telephone number.
    public var accessibilityPhone: String
    /// The day the accessibility statement was first published, `YYYY-MM-DD`.
    public var statementPublished: String
    /// The day it was last reviewed, `YYYY-MM-DD`.
    public var statementUpdated: String
    /// The address of the site's own website, for the statement; `nil` leaves it out.
    public var website: String?

    enum CodingKeys: String, CodingKey {
        case municipality, crestFile = "crest_file", colour, accessibilityContactName = "accessibility_contact_name"
        case accessibilityEmail = "accessibility_email", accessibilityPhone = "accessibility_phone"
        case statementPublished = "statement_published", statementUpdated = "statement_updated", website
    }

    /// The defaults: a neutral name, no crest, a dark navy blue (10.4:1 against white).
    public init(
        municipality: String = "Urząd Gminy", crestFile: String? = nil, colour: String = "#1d3557",
        accessibilityContactName: String = "Koordynator do spraw dostępności", accessibilityEmail: String = "dostepnosc@example.gov.pl",
        accessibilityPhone: String = "+48 00 000 00 00", statementPublished: String = "2026-12-01", statementUpdated: String = "2026-12-01",
        website: String? = nil
    ) {
        self.municipality = municipality
        self.crestFile = crestFile
        self.colour = colour
        self.accessibilityContactName = accessibilityContactName
        self.accessibilityEmail = accessibilityEmail
        self.accessibilityPhone = accessibilityPhone
        self.statementPublished = statementPublished
        self.statementUpdated = statementUpdated
        self.website = website
    }

    /// Decodes a settings file; missing keys take the defaults.
    public init(from decoder: any Decoder) throws {
        let defaults = SiteSettings()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        municipality = try c.decodeIfPresent(String.self, forKey: .municipality) ?? defaults.municipality
        crestFile = try c.decodeIfPresent(String.self, forKey: .crestFile)
        colour = try c.decodeIfPresent(String.self, forKey: .colour) ?? defaults.colour
        accessibilityContactName = try c.decodeIfPresent(String.self, forKey: .accessibilityContactName) ?? defaults.accessibilityContactName
        accessibilityEmail = try c.decodeIfPresent(String.self, forKey: .accessibilityEmail) ?? defaults.accessibilityEmail
        accessibilityPhone = try c.decodeIfPresent(String.self, forKey: .accessibilityPhone) ?? defaults.accessibilityPhone
        statementPublished = try c.decodeIfPresent(String.self, forKey: .statementPublished) ?? defaults.statementPublished
        statementUpdated = try c.decodeIfPresent(String.self, forKey: .statementUpdated) ?? defaults.statementUpdated
        website = try c.decodeIfPresent(String.self, forKey: .website)
    }

    /// Reads and checks a settings file.
    ///
    /// - Throws: ``SiteSettingsError`` naming the file and what is wrong with it.
    public static func load(path: String) throws -> SiteSettings {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw SiteSettingsError(path: path, message: "cannot be read")
        }
        let settings: SiteSettings
        do { settings = try JSONDecoder().decode(SiteSettings.self, from: data) } catch let DecodingError.typeMismatch(_, context) {
            throw SiteSettingsError(path: path, message: "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)")
        } catch {
            throw SiteSettingsError(path: path, message: "is not a JSON object of settings")
        }
        try settings.check(path: path)
        return settings
    }

    /// Checks the colour's form and contrast, the crest's type and the statement's dates.
    ///
    /// - Throws: ``SiteSettingsError`` naming the key at fault.
    public func check(path: String) throws {
        guard let rgb = Self.rgb(colour) else { throw SiteSettingsError(path: path, message: "colour: '\(colour)' is not #RRGGBB") }
        let ratio = Self.contrastAgainstWhite(rgb)
        guard ratio >= 4.5 else {
            throw SiteSettingsError(
                path: path, message: "colour: white text on \(colour) has a contrast of \(String(format: "%.2f", ratio)):1, under the 4.5:1 WCAG 2.1 AA needs")
        }
        if let crestFile {
            guard crestFile.lowercased().hasSuffix(".png") || crestFile.lowercased().hasSuffix(".svg") else {
                throw SiteSettingsError(path: path, message: "crest_file: '\(crestFile)' is not a .png or .svg file")
            }
            guard FileManager.default.isReadableFile(atPath: crestFile) else {
                throw SiteSettingsError(path: path, message: "crest_file: '\(crestFile)' cannot be read")
            }
        }
        for (key, day) in [("statement_published", statementPublished), ("statement_updated", statementUpdated)] {
            let parts = day.split(separator: "-")
            guard parts.count == 3, parts.allSatisfy({ Int($0) != nil }) else {
                throw SiteSettingsError(path: path, message: "\(key): '\(day)' is not YYYY-MM-DD")
            }
        }
    }

    /// The red, green and blue of `#RRGGBB`.
    static func rgb(_ text: String) -> (Double, Double, Double)? {
        guard text.count == 7, text.first == "#", let value = UInt32(text.dropFirst(), radix: 16) else { return nil }
        return (Double((value >> 16) & 0xFF), Double((value >> 8) & 0xFF), Double(value & 0xFF))
    }

    /// The WCAG contrast ratio of white against a colour.
    static func contrastAgainstWhite(_ rgb: (Double, Double, Double)) -> Double {
        func channel(_ value: Double) -> Double {
            let c = value / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(rgb.0) + 0.7152 * channel(rgb.1) + 0.0722 * channel(rgb.2)
        return 1.05 / (luminance + 0.05)
    }
}

/// A settings file that cannot be used, with the file and what is wrong.
public struct SiteSettingsError: Error, Sendable, CustomStringConvertible {
    /// The file.
    public var path: String
    /// What is wrong, naming the key.
    public var message: String

    public var description: String { "\(path): \(message)" }
}
