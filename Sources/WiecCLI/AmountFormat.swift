import WiecTally

extension Money {
    /// The amount grouped by thousands with a comma before the grosze, as Polish documents
    /// print money: `1 234 567,50`; whole amounts drop the grosze.
    var grouped: String {
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        let units = String(magnitude / UInt64(Money.minorUnitsPerUnit))
        let cents = magnitude % UInt64(Money.minorUnitsPerUnit)
        var groups: [Substring] = []
        var end = units.endIndex
        while end > units.startIndex {
            let start = units.index(end, offsetBy: -3, limitedBy: units.startIndex) ?? units.startIndex
            groups.insert(units[start..<end], at: 0)
            end = start
        }
        let whole = sign + groups.joined(separator: " ")
        return cents == 0 ? whole : whole + "," + (cents < 10 ? "0\(cents)" : "\(cents)")
    }
}
