// The March meeting of the scenario setup world (tests/scenarios/setup/march_*.json) written as
// typed commands, with java.time dates: what an app would send.
package vn.chibo.tests

import vn.chibo.core.Action
import vn.chibo.core.Attendance
import vn.chibo.core.Command
import vn.chibo.core.DraftMeeting
import vn.chibo.core.MeetingKind
import vn.chibo.core.MeetingRecord
import vn.chibo.core.NewTask
import vn.chibo.core.Outcome
import vn.chibo.core.PreparatoryMeeting
import vn.chibo.core.RollEntry
import vn.chibo.core.Speech
import vn.chibo.core.TaskPlan
import vn.chibo.core.Vote
import java.time.LocalDate
import java.time.OffsetDateTime
import java.time.YearMonth
import java.time.ZoneOffset

val VIETNAM: ZoneOffset = ZoneOffset.ofHours(7)

/** A time on a day of 2025 in Vietnam (+07:00). */
fun at(month: Int, day: Int, hour: Int, minute: Int): OffsetDateTime =
    OffsetDateTime.of(2025, month, day, hour, minute, 0, 0, VIETNAM)

const val MEETING = "m-2025-03"

/** setup/march_ready.json: drafted, preparatory meeting, notice, documents. */
fun marchReady(): List<Command> = listOf(
    Command("x1-bt", at(2, 27, 19, 0), Action.DraftMeeting(DraftMeeting(
        meeting = MEETING, cell = "xom-1", month = YearMonth.of(2025, 3), kind = MeetingKind.REGULAR,
        directive = "cd-2025-03",
        content = "Đánh giá kết quả tháng 2; triển khai nhiệm vụ tháng 3 theo chủ trương của Đảng ủy.",
        resolutionItems = listOf(
            "Chăm sóc lúa chiêm xuân đúng lịch thời vụ",
            "Tiêm phòng cho đàn gia cầm",
            "Vận động 100% hộ tham gia vệ sinh môi trường",
        ),
        scheduledAt = at(3, 5, 7, 30), place = "Nhà văn hóa xóm 1",
    ))),
    Command("x1-bt", at(3, 1, 19, 30), Action.HoldPreparatoryMeeting(PreparatoryMeeting(
        MEETING, listOf("x1-bt", "x1-pbt"),
        "Thống nhất nội dung, đánh giá tháng 2 và 3 nhiệm vụ trọng tâm tháng 3.",
    ))),
    Command("x1-bt", at(3, 1, 20, 0), Action.SendNotice(MEETING)),
    Command("x1-bt", at(3, 2, 8, 0), Action.PublishDocuments(
        MEETING, listOf("Dự thảo nghị quyết tháng 3/2025", "Báo cáo kết quả tháng 2/2025"),
    )),
)

/** The minutes of setup/march_adopted.json, with the vote given. */
fun marchRecord(vote: Vote): MeetingRecord {
    val present = listOf("x1-bt", "x1-pbt", "x1-03", "x1-04", "x1-05", "x1-07")
    return MeetingRecord(
        startedAt = at(3, 5, 7, 30), endedAt = at(3, 5, 9, 15), place = "Nhà văn hóa xóm 1",
        chair = "x1-bt", recorder = "x1-pbt",
        roll = present.map { RollEntry(it, Attendance.Present) } +
            RollEntry("x1-06", Attendance.AbsentExcused("tuổi cao, được miễn sinh hoạt")),
        guests = listOf("dy-uv"),
        agenda = listOf("Thông tin thời sự", "Đánh giá tháng 2", "Nhiệm vụ tháng 3"),
        speeches = listOf(
            Speech("x1-03", "Đề nghị bổ sung kế hoạch tưới tiêu"),
            Speech("dy-uv", "Ghi nhận, nhắc nhở tiến độ tiêm phòng"),
        ),
        conclusions = listOf("Thống nhất 3 nhiệm vụ trọng tâm"),
        vote = vote, duesCollected = true,
    )
}

/** The vote of setup/march_adopted.json: 5 of a counted base of 5. */
val PASSING_VOTE = Vote(listOf("x1-bt", "x1-pbt", "x1-03", "x1-04", "x1-05"), emptyList(), emptyList())

/** setup/march_adopted.json. */
fun marchAdopted(): Command =
    Command("x1-bt", at(3, 5, 9, 15), Action.RecordMeeting(MEETING, marchRecord(PASSING_VOTE)))

/** setup/march_assigned.json: six tasks due 31/03/2025. */
fun marchAssigned(): Command {
    val deadline = LocalDate.of(2025, 3, 31)
    fun task(id: String, owner: String, content: String, item: Int) =
        NewTask(id, owner, content, item.toUInt(), deadline)
    return Command("x1-bt", at(3, 5, 9, 30), Action.AssignTasks(TaskPlan(
        MEETING,
        listOf(
            task("t-03-bt", "x1-bt", "Chỉ đạo lịch tưới tiêu toàn xóm", 1),
            task("t-03-pbt", "x1-pbt", "Tổ chức ra quân vệ sinh môi trường", 3),
            task("t-03-03", "x1-03", "Kiểm tra mương tưới khu đồng trên", 1),
            task("t-03-04", "x1-04", "Vận động hội phụ nữ tiêm phòng gia cầm", 2),
            task("t-03-05", "x1-05", "Phối hợp thú y thống kê đàn gia cầm", 2),
            task("t-03-07", "x1-07", "Vận động 10 hộ ven kênh dọn vệ sinh", 3),
        ),
    ))) // nothing carried over: the default

}

/** The owners and outcomes of setup/march_reported.json. */
val MARCH_REPORTS: List<Triple<String, String, Outcome>> = listOf(
    Triple("t-03-bt", "x1-bt", Outcome.OnTime),
    Triple("t-03-pbt", "x1-pbt", Outcome.Exceeded),
    Triple("t-03-03", "x1-03", Outcome.OnTime),
    Triple("t-03-04", "x1-04", Outcome.Late),
    Triple("t-03-05", "x1-05", Outcome.OnTime),
    Triple("t-03-07", "x1-07", Outcome.OnTime),
)

/** A member reports their task on 05/04/2025. */
fun report(task: String, owner: String, outcome: Outcome): Command =
    Command(owner, at(4, 5, 8, 0), Action.ReportTask(task, outcome, null))

/** setup/march_reported.json. */
fun marchReported(): List<Command> =
    MARCH_REPORTS.map { (task, owner, outcome) -> report(task, owner, outcome) } +
        Command("x1-bt", at(4, 5, 8, 30), Action.CloseReporting(MEETING))
