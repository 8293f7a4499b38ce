// The test program's own assertions (no JUnit: nothing is downloaded) and the helpers every test
// shares.
package vn.chibo.tests

import vn.chibo.ChiboException
import java.io.File

/** A failed check, with what was expected. */
class CheckFailed(message: String) : AssertionError(message)

fun check(condition: Boolean, message: () -> String) {
    if (!condition) throw CheckFailed(message())
}

fun <T> checkEqual(expected: T, actual: T, what: String) {
    if (expected != actual) throw CheckFailed("$what: expected <$expected>, got <$actual>")
}

/** Runs [block] and returns the [ChiboException] of type [E] it throws; fails otherwise. */
inline fun <reified E : ChiboException> refused(block: () -> Unit): E {
    try {
        block()
    } catch (e: ChiboException) {
        if (e is E) return e
        throw CheckFailed("expected ${E::class.simpleName}, got ${e::class.simpleName}: ${e.message}")
    }
    throw CheckFailed("expected ${E::class.simpleName}, but it was accepted")
}

/** The repository's tests/scenarios folder. */
lateinit var scenarioDir: File

/** The main job's journal (the Nga Trường year), when the test program is given it. */
var yearJournal: File? = null

/** The commands of tests/scenarios/setup/<name>.json, each as JSON text. */
fun setupCommands(vararg names: String): List<String> = names.flatMap { name ->
    val file = parseJson(File(scenarioDir, "setup/$name.json").readText()) as Map<*, *>
    (file["steps"] as List<*>).map { toJson(it) }
}
