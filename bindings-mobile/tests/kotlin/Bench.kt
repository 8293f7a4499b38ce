// A benchmark of the binding on a real journal (the Nga Trường year, or a province commune):
// each figure is the median of several runs in this one process, printed side by side with the
// ratios that matter to an app: one call for the whole year against one call per command, typed
// records against JSON text. Run by `scripts/test-kotlin --bench [journal.jsonl]`.
package vn.chibo.tests

import vn.chibo.Commune
import vn.chibo.CommuneFile
import vn.chibo.core.Period
import vn.chibo.verifyJournal
import java.io.File
import java.nio.file.Files

private fun medianMs(runs: Int, block: () -> Unit): Double {
    block() // warm-up
    val times = (1..runs).map {
        val start = System.nanoTime()
        block()
        (System.nanoTime() - start) / 1e6
    }.sorted()
    return times[times.size / 2]
}

/** The event of a journal line (`{"v":1,"seq":…,"prev":…,"event":{…},["origin":…,]"hash":…}`). */
private fun eventOf(line: String): String {
    val start = line.indexOf("\"event\":") + "\"event\":".length
    val origin = line.lastIndexOf(",\"origin\":")
    val end = if (origin > 0) origin else line.lastIndexOf(",\"hash\":")
    return line.substring(start, end)
}

fun main(args: Array<String>) {
    val source = File(args.firstOrNull() ?: error("usage: BenchKt <journal.jsonl>"))
    val text = source.readText()
    val lines = text.lines().filter { it.isNotEmpty() }
    val events = lines.map(::eventOf)
    val meetings = Regex("\"draft_meeting\":\\{\"meeting\":\"([^\"]+)\"").findAll(text).map { it.groupValues[1] }.toList()
    val runs = 7
    println("journal: ${source.path}, ${lines.size} records, ${text.length / 1024} KiB, ${meetings.size} meetings; median of $runs runs")

    val load = medianMs(runs) { Commune.load(text).close() }
    val verify = medianMs(runs) { verifyJournal(text) }
    val copy = Files.createTempFile("chibo-bench", ".jsonl").toFile()
    source.copyTo(copy, overwrite = true)
    val open = medianMs(runs) { CommuneFile.open(copy.path).close() }
    copy.delete()
    val perCommand = medianMs(runs) { Commune().use { j -> events.forEach { j.executeJson(it) } } }

    val journal = Commune.load(text)
    val typed = medianMs(runs) { meetings.forEach { journal.meetingSummary(it) } }
    val json = medianMs(runs) { meetings.forEach { journal.summaryJson("meetings", it) } }
    val year = Regex("\"month\":\"(\\d{4})-").find(text)?.groupValues?.get(1) ?: "2025"
    val calls = 10_000
    val trivial = medianMs(runs) { repeat(calls) { journal.head() } }
    val dashboard = medianMs(runs) { journal.query("{\"dashboard\":{\"period\":{\"year\":$year}}}") }
    val typedDashboard = medianMs(runs) { journal.dashboard(Period.Year(year.toInt())) }
    journal.close()

    fun row(what: String, ms: Double, note: String = "") =
        println(String.format("%-58s %10.1f ms  %s", what, ms, note))
    row("verify_journal (chain only, one call)", verify)
    row("Commune.load (verify + replay, one call)", load)
    row("CommuneFile.open (read, lock, verify, replay)", open)
    row("execute_json once per command (${events.size} calls)", perCommand,
        String.format("%.2f× Commune.load, %.1f µs a command", perCommand / load, perCommand * 1000 / events.size))
    row("meeting_summary, typed record (${meetings.size} calls)", typed,
        String.format("%.1f µs a call", typed * 1000 / meetings.size))
    row("summary_json, JSON text (${meetings.size} calls)", json,
        String.format("%.2f× typed", json / typed))
    row("head(), the smallest call ($calls calls)", trivial,
        String.format("%.1f µs a call: the cost of crossing (JNA + uniffi)", trivial * 1000 / calls))
    row("query dashboard $year (one call, JSON text back)", dashboard)
    row("dashboard $year (one call, typed records back)", typedDashboard,
        String.format("%.2f× the JSON text", typedDashboard / dashboard))
}
