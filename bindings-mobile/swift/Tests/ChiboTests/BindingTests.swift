// What is particular to the Swift binding: a refusal caught by its kind, Date timestamps written in
// the device's time zone, a journal file written, closed and reopened, and an offline device
// journal merged with its conflicts as values. The world is tests/scenarios/setup.
import Chibo
import Foundation
import XCTest

final class BindingTests: XCTestCase {
    private let meeting = "m-2025-03"

    override func setUp() {
        // A phone in Vietnam: timestamps are written with +07:00, the offset the core reads days in.
        NSTimeZone.default = TimeZone(identifier: "Asia/Ho_Chi_Minh")!
    }

    private func at(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    private func makeJournal(_ setups: [String]) throws -> Commune {
        let journal = Commune()
        for command in try setupCommands(setups) { _ = try journal.executeJson(command: command) }
        return journal
    }

    private func record(yes: [String], no: [String]) -> MeetingRecord {
        let present = ["x1-bt", "x1-pbt", "x1-03", "x1-04", "x1-05", "x1-07"]
        return MeetingRecord(
            startedAt: at("2025-03-05T07:30:00+07:00"), endedAt: at("2025-03-05T09:15:00+07:00"),
            place: "Nhà văn hóa xóm 1", chair: "x1-bt", recorder: "x1-pbt",
            roll: present.map { RollEntry(member: $0, attendance: .present) }
                + [RollEntry(member: "x1-06", attendance: .absentExcused(reason: "tuổi cao, được miễn sinh hoạt"))],
            guests: ["dy-uv"], agenda: ["Thông tin thời sự"], speeches: [],
            conclusions: ["Thống nhất 3 nhiệm vụ trọng tâm"],
            vote: Vote(yes: yes, no: no, abstain: []), duesCollected: true)
    }

    private func recordMeeting(yes: [String], no: [String] = []) -> Command {
        Command(actor: "x1-bt", at: at("2025-03-05T09:15:00+07:00"),
                action: .recordMeeting(meeting: meeting, record: record(yes: yes, no: no)))
    }

    func testAFailedVoteIsCaughtByItsKindAndTheDraftIsKept() throws {
        let journal = try makeJournal(["commune", "march_ready"])
        let before = try journal.stateJson()
        do {
            _ = try journal.execute(command: recordMeeting(yes: ["x1-bt", "x1-pbt"], no: ["x1-03", "x1-04", "x1-05"]))
            XCTFail("a failed vote was accepted")
        } catch let ChiboError.Vote(code, messageVi, messageEn, _, _) {
            XCTAssertEqual(code, "vote.failed")
            XCTAssertFalse(messageVi.isEmpty)
            XCTAssertNotEqual(messageVi, messageEn)
        }
        XCTAssertEqual(before, try journal.stateJson())
        XCTAssertEqual(try journal.meetingSummary(meeting: meeting).state, .draft)
        _ = try journal.execute(command: recordMeeting(yes: ["x1-bt", "x1-pbt", "x1-03", "x1-04", "x1-05"]))
        let summary = try journal.meetingSummary(meeting: meeting)
        XCTAssertEqual(summary.state, .adopted)
        XCTAssertEqual(summary.month, "2025-03")
        XCTAssertEqual(summary.countedBase, 5)
    }

    func testAJournalFileWrittenClosedAndReopened() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("nga-truong.jsonl").path
        var file: CommuneFile? = try CommuneFile.create(path: path)
        for command in try setupCommands(["commune", "march_ready"]) {
            _ = try file!.executeJson(command: command)
        }
        let head = file!.head()
        XCTAssertThrowsError(try CommuneFile.open(path: path)) { error in
            XCTAssertEqual((error as? ChiboError)?.refusal().code, "store.locked")
        }
        file = nil // the last reference released: the file is closed and unlocked
        let reopened = try CommuneFile.open(path: path)
        XCTAssertEqual(reopened.opened().records, head.seq)
        XCTAssertEqual(reopened.head(), head)
        XCTAssertEqual(try verifyJournalFile(path: path).head, head)
    }

    func testAnOfflineDeviceJournalMergesWithConflictsAsValues() throws {
        let shared = try makeJournal(["commune", "march_ready"])
        var device: [String] = []
        let deviceJournal = Commune()
        for command in try setupCommands(["commune", "march_ready"]) {
            device.append(try deviceJournal.executeJson(command: command).line)
        }
        device.append(try deviceJournal.execute(command: recordMeeting(yes: ["x1-bt", "x1-pbt", "x1-03", "x1-04", "x1-05"])).line)
        // Meanwhile the office recorded the same meeting: the device's record no longer holds.
        for command in try setupCommands(["march_adopted"]) { _ = try shared.executeJson(command: command) }
        let merge = try shared.merge(deviceJournal: device.joined(separator: "\n"))
        XCTAssertEqual(merge.appended.count, 0)
        XCTAssertEqual(merge.conflicts.count, 1)
        XCTAssertEqual(merge.conflicts.first?.action, "record_meeting")
        XCTAssertEqual(merge.conflicts.first?.reason.kind, .transition)
        XCTAssertEqual(merge.conflicts.first?.at, at("2025-03-05T09:15:00+07:00"))
    }
}
