// Debian's kotlinx-coroutines (1.0.1, the one the test machine can install) predates the opt-in
// marker `DelicateCoroutinesApi` (kotlinx-coroutines 1.5) that uniffi's generated Kotlin names on
// its use of GlobalScope. The marker carries no behaviour; it is declared here for the test
// program only. An app builds with a current kotlinx-coroutines, which has it.
package kotlinx.coroutines

@RequiresOptIn(level = RequiresOptIn.Level.WARNING)
@Retention(AnnotationRetention.BINARY)
annotation class DelicateCoroutinesApi
