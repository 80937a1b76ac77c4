import Crypto

/// Random entry ids in the UUID version 4 text form, from BoringSSL's user-space CSPRNG
/// (cheaper than a system call per id, as Foundation's `UUID` and `SystemRandomNumberGenerator`
/// make on Linux).
enum EntryID {
    private static let digits = Array("0123456789abcdef".utf8)

    /// A new random id, e.g. `3f2b8c1e-9d4a-4b7e-8c21-5a6f0e9d1b3c`.
    static func random() -> String {
        var bytes = SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) }
        bytes[6] = bytes[6] & 0x0F | 0x40
        bytes[8] = bytes[8] & 0x3F | 0x80
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
