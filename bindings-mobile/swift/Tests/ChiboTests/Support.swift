// Shared by the XCTest cases: the repository's scenario folder, JSON helpers (Foundation only),
// and subset match.
import Chibo
import Foundation

/// tests/scenarios of the repository this package sits in (bindings-mobile/swift/Tests/ChiboTests).
let scenarioDir: URL = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<5 { url.deleteLastPathComponent() }
    return url.appendingPathComponent("tests/scenarios")
}()

func readJSON(_ url: URL) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(contentsOf: url), options: [.fragmentsAllowed])
}

func parseJSON(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}

func jsonText(_ value: Any) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]), as: UTF8.self)
}

/// The commands of tests/scenarios/setup/<name>.json, as JSON text.
func setupCommands(_ names: [String]) throws -> [String] {
    try names.flatMap { name -> [String] in
        let file = try readJSON(scenarioDir.appendingPathComponent("setup/\(name).json")) as? [String: Any]
        return try (file?["steps"] as? [Any] ?? []).map(jsonText)
    }
}

private func isBool(_ n: NSNumber) -> Bool { CFGetTypeID(n) == CFBooleanGetTypeID() }

/// The subset rule of tests/scenarios/README.md.
func subset(_ expected: Any, _ actual: Any) -> Bool {
    switch (expected, actual) {
    case let (e as [String: Any], a as [String: Any]):
        return e.allSatisfy { key, value in a[key].map { subset(value, $0) } ?? false }
    case let (e as [Any], a as [Any]):
        return e.count == a.count && zip(e, a).allSatisfy { subset($0, $1) }
    case let (e as NSNumber, a as NSNumber):
        if isBool(e) || isBool(a) { return isBool(e) == isBool(a) && e.boolValue == a.boolValue }
        return e.doubleValue == a.doubleValue
    case let (e as String, a as String):
        return e == a
    case (is NSNull, is NSNull):
        return true
    default:
        return false
    }
}

/// Bytes from lowercase hex (a test key of a scenario's `sign_with`); `nil` for anything else.
func dataOfHex(_ hex: String) -> Data? {
    guard hex.count % 2 == 0, hex.allSatisfy({ "0123456789abcdef".contains($0) }) else { return nil }
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
        let next = hex.index(index, offsetBy: 2)
        bytes.append(UInt8(hex[index..<next], radix: 16)!)
        index = next
    }
    return Data(bytes)
}

/// Bytes as lowercase hex (a public key, a signature).
func hexOf(_ data: Data) -> String {
    data.map { String(format: "%02x", $0) }.joined()
}
