// What is particular to the binding: typed commands, exceptions by type, java.time dates, objects
// shared across threads, a journal file written, closed and reopened, and an offline device
// journal merged into the shared one with its conflicts as values.
package vn.chibo.tests

import vn.chibo.ChiboException
import vn.chibo.ErrorKind
import vn.chibo.Commune
import vn.chibo.CommuneFile
import vn.chibo.core.Action
import vn.chibo.core.AlertKind
import vn.chibo.core.AssignmentError
import vn.chibo.core.CoreRefusal
import vn.chibo.core.Figures
import vn.chibo.core.Ineligibility
import vn.chibo.core.Language
import vn.chibo.core.Period
import vn.chibo.core.Query
import vn.chibo.core.Report
import vn.chibo.core.Command
import vn.chibo.core.MeetingKind
import vn.chibo.core.MemberStatus
import vn.chibo.core.Outcome
import vn.chibo.core.StateName
import vn.chibo.core.TaskState
import vn.chibo.core.Vote
import vn.chibo.core.VoteError
import vn.chibo.repairJournalFile
import vn.chibo.verifyJournal
import vn.chibo.verifyJournalFile
import java.io.File
import java.nio.file.Files
import java.time.OffsetDateTime
import java.time.YearMonth
import java.time.ZoneOffset
import kotlinx.coroutines.async
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.yield
import java.util.concurrent.CountDownLatch
import java.util.concurrent.Executors
import java.util.concurrent.TimeUnit

/** The binding-specific tests, by name. */
val BINDING_TESTS: List<Pair<String, () -> Unit>> = listOf(
    "typed commands record exactly what their JSON does" to ::typedCommandsMatchJson,
    "a probationary vote is caught as ChiboException.Vote; a failed vote is recorded with its defect" to ::failedVoteCaughtByType,
    "other refusals arrive as their own types" to ::refusalsByType,
    "dates cross as java.time types, offsets kept" to ::datesAreJavaTime,
    "the dashboard, the alerts and every report arrive typed" to ::reportsArriveTyped,
    "one Commune shared by many threads" to ::sharedAcrossThreads,
    "a year loaded in the background (suspend), the caller's thread left free" to ::loadedInTheBackground,
    "a journal file written, closed and reopened" to ::fileWrittenClosedAndReopened,
    "an offline device journal merged, conflicts as values" to ::offlineMerge,
    "the operations table names real functions" to ::operationsTableNamesRealFunctions,
)

private fun journalOf(vararg setups: String): Commune =
    Commune().also { j -> setupCommands(*setups).forEach { j.executeJson(it) } }

fun typedCommandsMatchJson() {
    val byJson = journalOf("commune", "march_ready", "march_adopted", "march_assigned", "march_reported")
    val typed = journalOf("commune")
    (marchReady() + marchAdopted() + marchAssigned() + marchReported()).forEach { typed.execute(it) }
    // Same state and the same head hash: every typed command was encoded byte for byte as its JSON.
    checkEqual(byJson.stateJson(), typed.stateJson(), "state")
    checkEqual(byJson.head(), typed.head(), "head")

    val meeting = typed.meetingSummary(MEETING)
    checkEqual(StateName.REPORTED, meeting.state, "meeting state")
    checkEqual(YearMonth.of(2025, 3), meeting.month, "meeting month")
    checkEqual(MeetingKind.REGULAR, meeting.kind, "meeting kind")
    checkEqual(5u, meeting.countedBase, "counted base")
    checkEqual(105L, meeting.minutes, "minutes")
    checkEqual(6u, meeting.tasks, "tasks")
    val task = typed.taskSummary("t-03-pbt")
    checkEqual(TaskState.DONE, task.state, "task state")
    checkEqual("exceeded", task.outcome, "task outcome")
    checkEqual(MemberStatus.PROBATIONARY, typed.memberSummary("x1-07").status, "x1-07's status")
    byJson.close()
    typed.close()
}

fun failedVoteCaughtByType() {
    val journal = journalOf("commune", "march_ready")
    val before = journal.stateJson()
    // A probationary member listed as a voter: refused, with the fields saying who and why.
    val withProbationary = PASSING_VOTE.copy(yes = PASSING_VOTE.yes + "x1-07")
    val command = Command("x1-bt", at(3, 5, 9, 15), Action.RecordMeeting(MEETING, marchRecord(withProbationary)))
    var caught: ChiboException.Vote? = null
    try {
        journal.execute(command)
    } catch (e: ChiboException.Vote) { // the Kotlin an app writes: this kind of refusal, specifically
        caught = e
    }
    val e = caught ?: throw CheckFailed("a probationary member's vote was counted")
    checkEqual("vote.not_eligible", e.code, "code")
    check(e.messageVi.isNotBlank() && e.messageEn.isNotBlank() && e.messageVi != e.messageEn) {
        "both messages: ${e.messageVi} / ${e.messageEn}"
    }
    // Who and why, as typed values: the core's own refusal.
    val why = e.detail as? VoteError.NotEligible ?: throw CheckFailed("detail ${e.detail}")
    checkEqual("x1-07", why.member, "the member refused")
    checkEqual(Ineligibility.PROBATIONARY, why.reason, "why")
    val any = e.refusal()
    checkEqual(ErrorKind.VOTE, any.kind, "the refusal's kind")
    checkEqual(CoreRefusal.Vote(why), any.detail, "the refusal's detail, whatever its kind")
    checkEqual(before, journal.stateJson(), "the state after the refusal")
    checkEqual(StateName.DRAFT, journal.meetingSummary(MEETING).state, "the draft is kept")

    // 2 for, 3 against, of a counted base of 5: not more than half. It happened, so the
    // sitting is recorded with its defect and the meeting stays a draft.
    val failing = Vote(listOf("x1-bt", "x1-pbt"), listOf("x1-03", "x1-04", "x1-05"), emptyList())
    journal.execute(Command("x1-bt", at(3, 5, 9, 15), Action.RecordMeeting(MEETING, marchRecord(failing))))
    val failed = journal.meetingSummary(MEETING)
    checkEqual(StateName.DRAFT, failed.state, "still a draft after the failed vote")
    checkEqual(1u, failed.failedSittings, "the failed sitting is kept")
    checkEqual(listOf("resolution_failed"), failed.defects, "its defect")
    // Counted properly at a later sitting, the meeting is adopted.
    val nextDay = marchRecord(PASSING_VOTE).copy(startedAt = at(3, 6, 7, 30), endedAt = at(3, 6, 9, 15))
    journal.execute(Command("x1-bt", at(3, 6, 9, 15), Action.RecordMeeting(MEETING, nextDay)))
    checkEqual(StateName.ADOPTED, journal.meetingSummary(MEETING).state, "adopted")
    journal.close()
}

fun refusalsByType() {
    val journal = journalOf("commune", "march_ready")
    checkEqual("lookup.unknown", refused<ChiboException.Lookup> { journal.meetingSummary("m-none") }.code, "lookup")
    checkEqual("input.malformed", refused<ChiboException.Input> { journal.executeJson("{\"actor\":") }.code, "bad JSON")
    checkEqual("input.malformed", refused<ChiboException.Input> { journal.query("{\"weather\":{}}") }.code, "bad query")
    val assignOnDraft = refused<ChiboException.Transition> { journal.execute(marchAssigned()) }
    checkEqual("transition.out_of_order", assignOnDraft.code, "assign on a draft")
    val byMember = Command("x1-03", at(3, 5, 9, 15), Action.RecordMeeting(MEETING, marchRecord(PASSING_VOTE)))
    check(refused<ChiboException>({ journal.execute(byMember) }).refusal().code.startsWith("permission.")) { "permission" }
    // A journal of another commune: its first record is not this one's.
    val otherCommune = Commune().executeJson(setupCommands("commune").first().replace("nga-truong", "nga-thuy"))
    checkEqual("journal.unrelated", refused<ChiboException.Journal> { journal.merge(otherCommune.line) }.code, "unrelated")
    journal.close()
}

fun datesAreJavaTime() {
    val journal = journalOf("commune")
    marchReady().forEach { journal.execute(it) }
    // The same instant as 09:15 in Hà Nội, written in UTC: the offset is kept in the record.
    val utc = OffsetDateTime.of(2025, 3, 5, 2, 15, 0, 0, ZoneOffset.UTC)
    val recorded = journal.execute(Command("x1-bt", utc, Action.RecordMeeting(MEETING, marchRecord(PASSING_VOTE))))
    val event = (parseJson(recorded.line) as Map<*, *>)["event"] as Map<*, *>
    val back = OffsetDateTime.parse(event["at"] as String)
    checkEqual(utc, back, "the timestamp read back from the journal line")
    checkEqual(ZoneOffset.UTC, back.offset, "its offset")
    val record = ((event["action"] as Map<*, *>)["record_meeting"] as Map<*, *>)["record"] as Map<*, *>
    checkEqual("2025-03-05T07:30:00+07:00", record["started_at"], "start with its +07:00 offset")
    // Out of Rust: a month as java.time.YearMonth.
    checkEqual(YearMonth.of(2025, 3), journal.meetingSummary(MEETING).month, "month")
    // A deadline as java.time.LocalDate (checked against the JSON path in typedCommandsMatchJson);
    // one before the meeting is refused by the core.
    val early = marchAssigned().let { c ->
        val plan = (c.action as Action.AssignTasks).v1
        c.copy(action = Action.AssignTasks(plan.copy(tasks = plan.tasks.map { it.copy(deadline = java.time.LocalDate.of(2025, 3, 1)) })))
    }
    val tooEarly = refused<ChiboException.Assignment> { journal.execute(early) }
    checkEqual("assignment.deadline_before_meeting", tooEarly.code, "early deadline")
    val deadline = tooEarly.detail as AssignmentError.DeadlineBeforeMeeting
    checkEqual(java.time.LocalDate.of(2025, 3, 1), deadline.deadline, "the deadline refused, as a LocalDate")
    journal.close()
}

fun reportsArriveTyped() {
    val journal = journalOf("commune", "march_ready", "march_adopted", "march_assigned", "march_reported")
    // The month's dashboard: cells as rows, with the meeting's state, attendance and tasks.
    val march = YearMonth.of(2025, 3)
    val dashboard = journal.dashboard(Period.Month(march))
    checkEqual("Đảng bộ xã Nga Trường", dashboard.communeName, "commune name")
    checkEqual(listOf("co-quan", "xom-1"), dashboard.rows.map { it.cell }, "one row per cell")
    val xom1 = dashboard.rows.first { it.cell == "xom-1" }
    checkEqual(MEETING, xom1.meeting, "xóm 1's meeting")
    checkEqual(StateName.REPORTED, xom1.state, "its state")
    checkEqual(6u, xom1.attendance?.present, "present")
    checkEqual(1u, xom1.attendance?.absentExcused, "absent, excused")
    checkEqual(6u, xom1.tasks.new, "tasks given")
    checkEqual(1u, xom1.tasks.late, "tasks late")
    checkEqual(null, dashboard.rows.first { it.cell == "co-quan" }.state, "no meeting in Cơ quan")
    checkEqual(1u, dashboard.total.regularMissing, "regular meetings missing in March")

    // The alerts: each kind an enum, each figure a typed value.
    val alerts = journal.alerts(java.time.LocalDate.of(2025, 4, 10))
    checkEqual(7, alerts.size, "alerts on 10/04/2025")
    val missing = alerts.filter { it.kind == AlertKind.NO_REGULAR_MEETING }
    // Cơ quan has held no meeting; xóm 1 only March's.
    val months = missing.map { it.cell to (it.figures as Figures.NoRegularMeeting).month.monthValue }
    checkEqual(listOf("co-quan" to 1, "co-quan" to 2, "co-quan" to 3, "xom-1" to 1, "xom-1" to 2), months, "months without a meeting")
    val january = missing.first().figures as Figures.NoRegularMeeting
    checkEqual(0u to 1u, january.held to january.required, "held of required")
    checkEqual("R-20", missing.first().rule, "the rule")
    checkEqual("Điều lệ Đảng", missing.first().citation?.document, "its source")

    // The same reports through report(Query): one variant per query; the JSON form says the same.
    val viaQuery = journal.report(Query.Alerts(java.time.LocalDate.of(2025, 4, 10))) as Report.Alerts
    checkEqual(alerts, viaQuery.v1, "alerts via report(Query)")
    val json = parseJson(journal.query("""{"alerts":{"as_of":"2025-04-10"}}""")) as List<*>
    checkEqual(json.map { (it as Map<*, *>)["message_en"] }, alerts.map { it.messageEn }, "the JSON's messages")
    val labels = (journal.report(Query.Labels(Language.EN)) as Report.Labels).v1
    checkEqual("Reported", labels["meeting_state"]?.get("reported"), "a state's label")
    val minutes = (journal.report(Query.Minutes(MEETING, Language.VI)) as Report.Minutes).v1
    check(minutes.markdown.contains("BIÊN BẢN")) { "the minutes in Vietnamese: ${minutes.markdown.take(200)}" }
    journal.close()
}

fun loadedInTheBackground() {
    // The Nga Trường year (some 7,800 records, each verified and replayed), loaded without
    // blocking this thread.
    val journal = yearJournal ?: throw CheckFailed("no year journal given to the test program")
    val text = journal.readText()
    val inForeground = Commune.load(text)
    var ticks = 0
    val loaded = runBlocking {
        // One thread runs both coroutines: while the year loads on the binding's own thread,
        // this one keeps ticking. A load that blocked the thread would leave it at one tick.
        val loading = async { Commune.loadInBackground(text) }
        while (!loading.isCompleted) {
            ticks++
            yield()
        }
        loading.await()
    }
    check(ticks > 1) { "the caller's thread was blocked while loading ($ticks tick)" }
    checkEqual(inForeground.head(), loaded.head(), "the same head as loaded in the foreground")
    checkEqual(inForeground.stateJson(), loaded.stateJson(), "the same state")
    checkEqual("journal.hash_mismatch", refused<ChiboException.Journal> {
        runBlocking { Commune.loadInBackground(text.replaceFirst("Nga Trường", "Nga Truong")) }
    }.code, "a tampered journal, refused in the background too")
    inForeground.close()
    loaded.close()
}

fun sharedAcrossThreads() {
    val journal = journalOf("commune", "march_ready", "march_adopted", "march_assigned")
    val start = journal.head().seq
    val pool = Executors.newFixedThreadPool(10)
    val go = CountDownLatch(1)
    val failures = java.util.concurrent.ConcurrentLinkedQueue<Throwable>()
    val lines = java.util.concurrent.ConcurrentLinkedQueue<String>()
    // Six members report at once while four readers ask for summaries and reports.
    for ((task, owner, outcome) in MARCH_REPORTS) {
        pool.execute {
            try {
                go.await()
                lines += journal.execute(report(task, owner, outcome)).line
            } catch (t: Throwable) { failures += t }
        }
    }
    repeat(4) {
        pool.execute {
            try {
                go.await()
                repeat(50) {
                    journal.meetingSummary(MEETING)
                    journal.alerts(java.time.LocalDate.of(2025, 4, 10))
                }
            } catch (t: Throwable) { failures += t }
        }
    }
    go.countDown()
    pool.shutdown()
    check(pool.awaitTermination(60, TimeUnit.SECONDS)) { "threads did not finish" }
    check(failures.isEmpty()) { "thread failures: ${failures.map { it.message }}" }
    checkEqual(start + 6uL, journal.head().seq, "six records appended")
    checkEqual(6, lines.size, "six lines")
    for ((task, _, _) in MARCH_REPORTS) {
        checkEqual(TaskState.DONE, journal.taskSummary(task).state, "$task")
    }
    journal.execute(Command("x1-bt", at(4, 5, 8, 30), Action.CloseReporting(MEETING)))
    checkEqual(StateName.REPORTED, journal.meetingSummary(MEETING).state, "reported")
    journal.close()
}

fun fileWrittenClosedAndReopened() {
    val dir = Files.createTempDirectory("chibo-kotlin").toFile()
    try {
        val path = File(dir, "nga-truong.jsonl").path
        val file = CommuneFile.create(path)
        setupCommands("commune").forEach { file.executeJson(it) }
        marchReady().forEach { file.execute(it) }
        val batch = file.executeBatch(listOf(marchAdopted(), marchAssigned(), report("t-03-bt", "x1-03", Outcome.OnTime)))
        checkEqual(2, batch.appended.size, "batch appended")
        checkEqual(2uL, batch.refusedIndex, "batch refused at")
        checkEqual(ErrorKind.PERMISSION, batch.refused?.kind, "batch refusal kind")
        val head = file.head()
        val state = file.stateJson()

        checkEqual("store.locked", refused<ChiboException.Store> { CommuneFile.open(path) }.code, "second writer")
        checkEqual("store.exists", refused<ChiboException.Store> { CommuneFile.create(path) }.code, "create over it")
        file.close() // releases the Rust object, and the file's lock with it

        val lines = File(path).readLines()
        checkEqual(head.seq.toInt(), lines.size, "lines on disk")
        checkEqual(head, verifyJournal(File(path).readText()), "verify_journal")
        checkEqual(head, verifyJournalFile(path).head, "verify_journal_file")

        // A crash in the middle of a write leaves an unterminated line: cut on open, and said.
        File(path).appendText("{\"v\":1,\"seq\":")
        checkEqual(13uL, verifyJournalFile(path).torn?.bytes, "torn tail seen by verify")
        CommuneFile.open(path).use { reopened ->
            checkEqual(head.seq, reopened.opened().records, "records replayed")
            checkEqual(13uL, reopened.opened().torn?.bytes, "torn bytes cut")
            checkEqual("{\"v\":1,\"seq\":", File(reopened.opened().torn!!.savedTo!!).readText(), "torn bytes saved first")
            checkEqual(head, reopened.head(), "head after reopening")
            checkEqual(state, reopened.stateJson(), "state after reopening")
            checkEqual(StateName.ASSIGNED, reopened.meetingSummary(MEETING).state, "meeting")
            reopened.execute(report("t-03-bt", "x1-bt", Outcome.OnTime))
        }
        CommuneFile.openOrCreate(path).use { again ->
            checkEqual(head.seq + 1uL, again.opened().records, "the report survived closing")
            checkEqual(TaskState.DONE, again.taskSummary("t-03-bt").state, "task")
        }
        // An editor's CR LF line endings: refused with the file untouched, then repaired.
        val clean = File(path).readText()
        val crlf = clean.replace("\n", "\r\n")
        File(path).writeText(crlf)
        checkEqual("journal.line_endings", refused<ChiboException.Journal> { CommuneFile.open(path) }.code, "CR LF refused")
        checkEqual(crlf, File(path).readText(), "CR LF file untouched")
        val repaired = repairJournalFile(path)
        checkEqual(clean, File(path).readText(), "repaired in the journal's form")
        checkEqual(crlf, File(repaired.kept).readText(), "original kept")
        // A whole last record without its line feed (an editor saved it) is kept, not cut.
        File(path).writeText(clean.trimEnd('\n'))
        CommuneFile.open(path).use { kept ->
            checkEqual(true, kept.opened().newlineAdded, "line feed added")
            checkEqual(head.seq + 1uL, kept.opened().records, "no record lost")
        }
        checkEqual(clean, File(path).readText(), "the line feed is back")
        checkEqual("journal.hash_mismatch", refused<ChiboException.Journal> {
            val text = File(path).readText()
            File(path).writeText(text.replaceFirst("Nga Trường", "Nga Truong"))
            CommuneFile.open(path)
        }.code, "a tampered file")
    } finally {
        dir.deleteRecursively()
    }
}

fun offlineMerge() {
    val dir = Files.createTempDirectory("chibo-merge").toFile()
    try {
        // The shared journal, as the commune office keeps it; the secretary's phone takes a copy.
        val sharedPath = File(dir, "shared.jsonl").path
        val devicePath = File(dir, "device.jsonl").path
        val shared = CommuneFile.create(sharedPath)
        setupCommands("commune", "march_ready").forEach { shared.executeJson(it) }
        File(sharedPath).copyTo(File(devicePath))
        val fork = shared.head().seq

        // Offline, the phone records the meeting and assigns the tasks.
        val device = CommuneFile.open(devicePath)
        device.execute(marchAdopted())
        device.execute(marchAssigned())
        device.close()

        // Meanwhile the office records the same meeting from the paper minutes (ending 09:20): the
        // phone's record of the meeting no longer holds, and its assignment, written on top of
        // the phone's record, is not put on top of the office's: it conflicts in turn.
        val byOffice = Command("x1-bt", at(3, 5, 9, 20), Action.RecordMeeting(MEETING,
            marchRecord(PASSING_VOTE).copy(endedAt = at(3, 5, 9, 20))))
        shared.execute(byOffice)

        val report = shared.merge(File(devicePath).readText())
        checkEqual(fork, report.fork, "fork")
        checkEqual(2, report.conflicts.size, "conflicts")
        val conflict = report.conflicts[0]
        checkEqual("record_meeting", conflict.action, "conflict action")
        checkEqual("x1-bt", conflict.actor, "conflict actor")
        checkEqual(at(3, 5, 9, 15), conflict.at, "conflict time, as java.time")
        checkEqual(fork + 1uL, conflict.deviceSeq, "conflict device seq")
        checkEqual(ErrorKind.TRANSITION, conflict.reason.kind, "conflict kind")
        check(conflict.reason.messageVi.isNotBlank()) { "conflict message" }
        check(conflict.command.contains("record_meeting")) { "conflict command ${conflict.command}" }
        val dependent = report.conflicts[1]
        checkEqual("assign_tasks", dependent.action, "dependent conflict action")
        checkEqual("journal.depends_on_conflict", dependent.reason.code, "dependent conflict code")
        checkEqual(fork + 2uL, dependent.deviceSeq, "dependent conflict device seq")
        checkEqual(emptyList<ULong>(), report.appended.map { it.deviceSeq }, "appended device records")
        checkEqual(StateName.ADOPTED, shared.meetingSummary(MEETING).state, "the shared meeting")

        // A sync retried: nothing appended twice.
        val again = shared.merge(File(devicePath).readText())
        checkEqual(0, again.appended.size, "appended again")
        checkEqual(emptyList<ULong>(), again.alreadyMerged, "already merged")
        checkEqual(2, again.conflicts.size, "the conflicts are still reported")
        val head = shared.head()
        shared.close()

        // The same merge in memory, from the texts alone (a phone merging what it downloaded).
        val office = File(sharedPath).readLines().take(fork.toInt() + 1).joinToString("\n")
        Commune.load(office).use { inMemory ->
            val merged = inMemory.merge(File(devicePath).readText())
            checkEqual(report.appended.map { it.line }, merged.appended.map { it.line }, "same lines appended")
            checkEqual(head, inMemory.head(), "same head")
        }
        checkEqual(head, verifyJournalFile(sharedPath).head, "the merged file verifies")
    } finally {
        dir.deleteRecursively()
    }
}
