// The scenario files are JSON test data: read and written here with Gson (Debian's
// libgoogle-gson-java), numbers kept exact as BigDecimal, and results compared by subset. The
// binding's own values (summaries, reports, refusals) arrive typed and need none of this.
package vn.chibo.tests

import com.google.gson.Gson
import com.google.gson.GsonBuilder
import com.google.gson.ToNumberPolicy
import java.math.BigDecimal

private val gson: Gson = GsonBuilder()
    .setObjectToNumberStrategy(ToNumberPolicy.BIG_DECIMAL)
    .disableHtmlEscaping()
    .serializeNulls()
    .create()

/** Reads JSON text into Map / List / String / BigDecimal / Boolean / null. */
fun parseJson(text: String): Any? = gson.fromJson(text, Any::class.java)

/** Writes a value read by [parseJson] back as JSON text. */
fun toJson(value: Any?): String = gson.toJson(value)

/** Whether [expected] is contained in [actual]: objects by their keys, lists whole. */
fun subset(expected: Any?, actual: Any?): Boolean = when {
    expected is Map<*, *> && actual is Map<*, *> ->
        expected.all { (k, v) -> actual.containsKey(k) && subset(v, actual[k]) }
    expected is List<*> && actual is List<*> ->
        expected.size == actual.size && expected.indices.all { subset(expected[it], actual[it]) }
    expected is BigDecimal && actual is BigDecimal -> expected.compareTo(actual) == 0
    else -> expected == actual
}
