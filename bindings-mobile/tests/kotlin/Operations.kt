// The Kotlin column of docs/operations.md names what the binding exports: `Commune()` the
// class, `Type.f` a constructor or companion function, `commune.f` / `communeFile.f` a method of
// an instance, a bare name a top-level function of the generated package.
package vn.chibo.tests

import java.io.File

private val INSTANCE_OF = mapOf("commune" to "Commune", "communeFile" to "CommuneFile")

private fun methodNames(className: String): Set<String> {
    val type = Class.forName("vn.chibo.$className")
    val companion = type.declaredClasses.firstOrNull { it.simpleName == "Companion" }
    return (type.methods.map { it.name } + (companion?.methods?.map { it.name } ?: emptyList())).toSet()
}

fun operationsTableNamesRealFunctions() {
    val text = File(scenarioDir.parentFile.parentFile, "docs/operations.md").readText()
    val body = text.substring(text.indexOf("<!-- operations:start -->"), text.indexOf("<!-- operations:end -->"))
    val rows = body.lines().filter { it.startsWith("| ") }.drop(1)
    val names = rows.flatMap { row -> Regex("`([^`]+)`").findAll(row.split("|")[5]).map { it.groupValues[1] }.toList() }
    check(names.size >= 12) { "only ${names.size} Kotlin names in docs/operations.md" }
    val topLevel = Class.forName("vn.chibo.ChiboKt").methods.map { it.name }.toSet()
    for (name in names) {
        val found = when {
            name.endsWith("()") -> runCatching { Class.forName("vn.chibo.${name.removeSuffix("()")}") }.isSuccess
            "." in name -> {
                val (owner, member) = name.split(".", limit = 2)
                methodNames(INSTANCE_OF[owner] ?: owner).contains(member)
            }
            else -> name in topLevel
        }
        check(found) { "docs/operations.md names $name, which the Kotlin binding does not export" }
    }
}
