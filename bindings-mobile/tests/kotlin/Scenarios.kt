// Replays every tests/scenarios/*.json file through the binding, with the semantics of the Rust
// runner (core/tests/scenarios.rs; format in tests/scenarios/README.md): setup files, command
// steps, query steps, subset match, a refused step leaves the state byte-identical, fields; then
// the journal of every accepted step, loaded again, rebuilds the same state and head. A step with
// `sign_with` (a test secret key, 64 hex) is signed by `signCommandJson` and executed by
// `executeJsonSigned`.
package vn.chibo.tests

import vn.chibo.ChiboException
import vn.chibo.Commune
import vn.chibo.refusalCodes
import vn.chibo.signCommandJson
import java.io.File

private val SUMMARY_KINDS = listOf("meetings", "tasks", "inspections", "remediations", "members")

/** What replaying every file found. */
class Replayed(val files: Int, val steps: Int, val failures: List<String>, val uncovered: List<String>)

fun replayScenarios(): Replayed {
    val files = scenarioDir.listFiles { f -> f.isFile && f.name.endsWith(".json") }!!.sortedBy { it.name }
    val codes = sortedSetOf<String>()
    val failures = mutableListOf<String>()
    var steps = 0
    for (file in files) {
        try {
            steps += replayFile(file, codes)
        } catch (e: CheckFailed) {
            failures += "${file.name}: ${e.message}"
        } catch (e: ChiboException) {
            failures += "${file.name}: unexpected ${e.refusal().code}: ${e.refusal().messageEn}"
        }
    }
    val uncovered = refusalCodes().filter {
        !it.startsWith("journal.") && !it.startsWith("store.") && it !in codes
    }
    return Replayed(files.size, steps, failures, uncovered)
}

private fun replayFile(file: File, codes: MutableSet<String>): Int {
    val scenario = parseJson(file.readText()) as Map<*, *>
    val journal = Commune()
    val lines = mutableListOf<String>()
    val setups = when (val s = scenario["setup"]) {
        null -> emptyList()
        is String -> listOf(s)
        is List<*> -> s.map { it as String }
        else -> throw CheckFailed("bad setup $s")
    }
    for (command in setupCommands(*setups.toTypedArray())) {
        lines += journal.executeJson(command).line
    }
    val steps = scenario["steps"] as? List<*> ?: throw CheckFailed("no steps")
    check(steps.isNotEmpty()) { "no steps" }
    steps.forEachIndexed { i, step ->
        step as Map<*, *>
        val expect = step["expect"] as? Map<*, *> ?: throw CheckFailed("step $i: no `expect`")
        if (step.containsKey("query")) {
            replayQuery(journal, step["query"], expect, codes, "step $i")
        } else {
            val command = step["command"] ?: throw CheckFailed("step $i: no `command`")
            val secret = (step["sign_with"] as String?)?.let { signingSecret(it, "step $i") }
            replayCommand(journal, command, secret, expect, codes, lines, "step $i")
        }
    }
    val reloaded = Commune.load(lines.joinToString("\n"))
    checkEqual(journal.stateJson(), reloaded.stateJson(), "the reloaded journal's state")
    checkEqual(journal.head(), reloaded.head(), "the reloaded journal's head")
    journal.close()
    reloaded.close()
    return steps.size
}

/** A step's `sign_with`: 64 hex characters, a 32-byte secret key. */
private fun signingSecret(hex: String, label: String): ByteArray {
    check(hex.length == 64 && hex.all { it in "0123456789abcdef" }) { "$label: sign_with is not 64 hex" }
    return ByteArray(32) { hex.substring(2 * it, 2 * it + 2).toInt(16).toByte() }
}

private fun replayCommand(
    journal: Commune,
    command: Any?,
    secret: ByteArray?,
    expect: Map<*, *>,
    codes: MutableSet<String>,
    lines: MutableList<String>,
    label: String,
) {
    val before = journal.stateJson()
    val wanted = expect["error"] as String?
    try {
        val text = toJson(command)
        lines += if (secret == null) {
            journal.executeJson(text).line
        } else {
            journal.executeJsonSigned(text, signCommandJson(secret, text)).line
        }
        check(wanted == null) { "$label: expected $wanted, but it was accepted" }
    } catch (e: ChiboException) {
        val why = e.refusal()
        if (wanted == null) throw CheckFailed("$label: refused ${why.code}: ${why.messageEn}")
        checkEqual(wanted, why.code, "$label: the refusal's code")
        codes += why.code
        check(why.messageVi.isNotEmpty() && why.messageEn.isNotEmpty()) { "$label: empty message" }
        // The exception's type (its kind) is the code's prefix: vote.not_eligible is a ChiboException.Vote.
        checkEqual(why.code.substringBefore('.'), why.kind.name.lowercase(), "$label: the refusal's kind")
        checkEqual(before, journal.stateJson(), "$label: the state after a refused command")
        expect["fields"]?.let { fields ->
            val actual = parseJson(why.fields)
            check(subset(fields, actual)) { "$label: fields ${why.fields} do not contain ${toJson(fields)}" }
        }
    }
    for (kind in SUMMARY_KINDS) {
        val records = expect[kind] as? Map<*, *> ?: continue
        for ((id, want) in records) {
            val actual = parseJson(journal.summaryJson(kind, id as String))
            check(subset(want, actual)) { "$label: $kind $id is ${toJson(actual)}, expected ${toJson(want)}" }
        }
    }
}

private fun replayQuery(
    journal: Commune,
    query: Any?,
    expect: Map<*, *>,
    codes: MutableSet<String>,
    label: String,
) {
    val wanted = expect["error"] as String?
    try {
        val actual = parseJson(journal.query(toJson(query)))
        check(wanted == null) { "$label: expected $wanted, got a result" }
        val result = expect["result"] ?: throw CheckFailed("$label: no `result`")
        check(subset(result, actual)) { "$label: result ${toJson(actual)} does not contain ${toJson(result)}" }
    } catch (e: ChiboException) {
        if (wanted == null) throw CheckFailed("$label: refused ${e.refusal().code}: ${e.refusal().messageEn}")
        checkEqual(wanted, e.refusal().code, "$label: the refusal's code")
        codes += e.refusal().code
    }
}
