// Replays every tests/scenarios/*.json file through the Swift binding, with the semantics of the
// Rust runner (core/tests/scenarios.rs) and of the Kotlin one (bindings-mobile/tests/kotlin). A step
// with `sign_with` (a test secret key, 64 hex) is signed by `signCommandJson` and executed by
// `executeJsonSigned`.
import Chibo
import Foundation
import XCTest

final class ScenarioTests: XCTestCase {
    private let summaryKinds = ["meetings", "tasks", "inspections", "remediations", "members"]

    func testEveryScenarioReplays() throws {
        let files = try FileManager.default.contentsOfDirectory(at: scenarioDir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        XCTAssertGreaterThanOrEqual(files.count, 60)
        var codes = Set<String>()
        for file in files {
            try replay(file, codes: &codes)
        }
        let uncovered = refusalCodes().filter { !$0.hasPrefix("journal.") && !$0.hasPrefix("store.") && !codes.contains($0) }
        XCTAssertEqual(uncovered, [], "refusal codes no scenario produced")
    }

    private func replay(_ file: URL, codes: inout Set<String>) throws {
        let name = file.lastPathComponent
        let scenario = try XCTUnwrap(readJSON(file) as? [String: Any], name)
        let journal = Commune()
        var lines: [String] = []
        let setups: [String]
        switch scenario["setup"] {
        case let one as String: setups = [one]
        case let many as [String]: setups = many
        default: setups = []
        }
        for command in try setupCommands(setups) {
            lines.append(try journal.executeJson(command: command).line)
        }
        let steps = try XCTUnwrap(scenario["steps"] as? [[String: Any]], name)
        XCTAssertFalse(steps.isEmpty, name)
        for (i, step) in steps.enumerated() {
            let label = "\(name) step \(i)"
            let expect = try XCTUnwrap(step["expect"] as? [String: Any], label)
            let wanted = expect["error"] as? String
            if let query = step["query"] {
                do {
                    let actual = try parseJSON(try journal.query(query: try jsonText(query)))
                    XCTAssertNil(wanted, "\(label): expected \(wanted ?? ""), got a result")
                    XCTAssertTrue(subset(try XCTUnwrap(expect["result"], label), actual), "\(label): \(actual)")
                } catch let error as ChiboError {
                    XCTAssertEqual(wanted, error.refusal().code, label)
                    codes.insert(error.refusal().code)
                }
                continue
            }
            let before = try journal.stateJson()
            do {
                let command = try jsonText(try XCTUnwrap(step["command"], label))
                if let hex = step["sign_with"] as? String {
                    let secret = try XCTUnwrap(dataOfHex(hex), "\(label): sign_with is not 64 hex")
                    let signature = try signCommandJson(secret: secret, command: command)
                    lines.append(try journal.executeJsonSigned(command: command, signature: signature).line)
                } else {
                    lines.append(try journal.executeJson(command: command).line)
                }
                XCTAssertNil(wanted, "\(label): expected \(wanted ?? ""), but it was accepted")
            } catch let error as ChiboError {
                let why = error.refusal()
                XCTAssertEqual(wanted, why.code, "\(label): \(why.messageEn)")
                codes.insert(why.code)
                XCTAssertFalse(why.messageVi.isEmpty || why.messageEn.isEmpty, label)
                XCTAssertEqual(before, try journal.stateJson(), "\(label): a refused command changed the state")
                if let fields = expect["fields"] {
                    XCTAssertTrue(subset(fields, try parseJSON(why.fields)), "\(label): fields \(why.fields)")
                }
            }
            for kind in summaryKinds {
                guard let records = expect[kind] as? [String: Any] else { continue }
                for (id, want) in records {
                    let actual = try parseJSON(try journal.summaryJson(kind: kind, id: id))
                    XCTAssertTrue(subset(want, actual), "\(label): \(kind) \(id) is \(actual)")
                }
            }
        }
        let reloaded = try Commune.load(text: lines.joined(separator: "\n"))
        XCTAssertEqual(try journal.stateJson(), try reloaded.stateJson(), name)
        XCTAssertEqual(journal.head(), reloaded.head(), name)
    }
}
