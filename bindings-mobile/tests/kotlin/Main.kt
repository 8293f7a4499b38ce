// The Kotlin test program of the mobile binding: replays every scenario file, then runs the
// binding-specific tests. Exits non-zero on any failure. Arguments: the repository's root, and the
// main job's journal (a year to load in the background).
package vn.chibo.tests

import java.io.File
import kotlin.system.exitProcess

fun main(args: Array<String>) {
    val root = File(args.firstOrNull() ?: ".")
    scenarioDir = File(root, "tests/scenarios")
    yearJournal = args.getOrNull(1)?.let(::File)
    var failed = 0

    val started = System.nanoTime()
    val replayed = replayScenarios()
    val ms = (System.nanoTime() - started) / 1_000_000
    println("scenarios: ${replayed.files} files, ${replayed.steps} steps replayed through Kotlin in $ms ms")
    replayed.failures.forEach { println("  FAIL $it") }
    failed += replayed.failures.size
    if (replayed.files < 60) {
        println("  FAIL only ${replayed.files} scenario files found in $scenarioDir")
        failed++
    }
    if (replayed.uncovered.isNotEmpty()) {
        println("  FAIL refusal codes no scenario produced through Kotlin: ${replayed.uncovered}")
        failed++
    }

    for ((name, test) in BINDING_TESTS + SIGNING_TESTS) {
        try {
            test()
            println("ok   $name")
        } catch (e: Throwable) {
            println("FAIL $name: ${e::class.simpleName}: ${e.message}")
            failed++
        }
    }
    if (failed > 0) {
        println("$failed failure(s)")
        exitProcess(1)
    }
    println("all Kotlin tests passed")
}
