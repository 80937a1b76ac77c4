import Foundation

/// The bytes of the file at `path`, and its name for error messages.
///
/// Read with one `read` call into the array (no `Data` to copy from): for a small file this
/// is a good part of the time a count takes.
func fileContents(at path: String) throws(PabulibError) -> (bytes: [UInt8], name: String) {
    let name = lastPathComponent(of: path)
    let cannotRead = PabulibError(file: name, line: 0, field: nil, message: "cannot read the file")
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw cannotRead }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { throw cannotRead }
    let size = Int(status.st_size)
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
        filled = 0
        while filled < size {
            let count = read(descriptor, buffer.baseAddress! + filled, size - filled)
            if count < 0, errno == EINTR { continue }
            // A file that shrank while being read ends where the reading did.
            guard count > 0 else { break }
            filled += count
        }
    }
    return (bytes, name)
}

/// The last component of a path (`pool.pb` of `../pabulib/pool.pb`), for error messages.
private func lastPathComponent(of path: String) -> String {
    let utf8 = path.utf8, slash = UInt8(ascii: "/")
    var end = utf8.endIndex
    while end > utf8.startIndex, utf8[utf8.index(before: end)] == slash { end = utf8.index(before: end) }
    var start = end
    while start > utf8.startIndex, utf8[utf8.index(before: start)] != slash { start = utf8.index(before: start) }
    return start == end ? path : String(path[start..<end])
}
