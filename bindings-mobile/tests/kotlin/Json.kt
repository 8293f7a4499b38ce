// A small JSON reader and writer on the JDK alone, for the test program: scenario files are read
// here, commands are written back as text for the binding, and results are compared by subset.
// Objects are Maps (key order kept), arrays Lists, numbers BigDecimal.
package vn.chibo.tests

import java.math.BigDecimal

/** Reads JSON text into Map / List / String / BigDecimal / Boolean / null. */
fun parseJson(text: String): Any? {
    val reader = JsonReader(text)
    val value = reader.value()
    reader.skipSpace()
    require(reader.atEnd()) { "trailing text at ${reader.position}" }
    return value
}

private class JsonReader(private val text: String) {
    var position = 0
        private set

    fun atEnd() = position >= text.length

    fun skipSpace() {
        while (!atEnd() && text[position] in " \t\r\n") position++
    }

    private fun expect(c: Char) {
        require(!atEnd() && text[position] == c) { "expected '$c' at $position" }
        position++
    }

    fun value(): Any? {
        skipSpace()
        require(!atEnd()) { "unexpected end of JSON" }
        return when (val c = text[position]) {
            '{' -> objectValue()
            '[' -> arrayValue()
            '"' -> stringValue()
            't' -> literal("true", true)
            'f' -> literal("false", false)
            'n' -> literal("null", null)
            else -> if (c == '-' || c.isDigit()) numberValue() else error("unexpected '$c' at $position")
        }
    }

    private fun literal(word: String, value: Any?): Any? {
        require(text.startsWith(word, position)) { "bad literal at $position" }
        position += word.length
        return value
    }

    private fun objectValue(): Map<String, Any?> {
        expect('{')
        val map = LinkedHashMap<String, Any?>()
        skipSpace()
        if (text[position] == '}') { position++; return map }
        while (true) {
            skipSpace()
            val key = stringValue()
            skipSpace()
            expect(':')
            map[key] = value()
            skipSpace()
            if (text[position] == ',') { position++; continue }
            expect('}')
            return map
        }
    }

    private fun arrayValue(): List<Any?> {
        expect('[')
        val list = ArrayList<Any?>()
        skipSpace()
        if (text[position] == ']') { position++; return list }
        while (true) {
            list.add(value())
            skipSpace()
            if (text[position] == ',') { position++; continue }
            expect(']')
            return list
        }
    }

    private fun stringValue(): String {
        expect('"')
        val out = StringBuilder()
        while (true) {
            require(!atEnd()) { "unterminated string" }
            val c = text[position++]
            when (c) {
                '"' -> return out.toString()
                '\\' -> {
                    when (val e = text[position++]) {
                        '"', '\\', '/' -> out.append(e)
                        'b' -> out.append('\b')
                        'f' -> out.append('\u000C')
                        'n' -> out.append('\n')
                        'r' -> out.append('\r')
                        't' -> out.append('\t')
                        'u' -> {
                            out.append(text.substring(position, position + 4).toInt(16).toChar())
                            position += 4
                        }
                        else -> error("bad escape '\\$e' at $position")
                    }
                }
                else -> out.append(c)
            }
        }
    }

    private fun numberValue(): BigDecimal {
        val start = position
        while (!atEnd() && (text[position].isDigit() || text[position] in "+-.eE")) position++
        return BigDecimal(text.substring(start, position))
    }
}

/** Writes a value read by [parseJson] back as JSON text. */
fun toJson(value: Any?): String = StringBuilder().also { write(value, it) }.toString()

private fun write(value: Any?, out: StringBuilder) {
    when (value) {
        null -> out.append("null")
        is Boolean -> out.append(value)
        is BigDecimal -> out.append(value.toString())
        is Number -> out.append(value.toString())
        is String -> writeString(value, out)
        is Map<*, *> -> {
            out.append('{')
            value.entries.forEachIndexed { i, (k, v) ->
                if (i > 0) out.append(',')
                writeString(k as String, out)
                out.append(':')
                write(v, out)
            }
            out.append('}')
        }
        is List<*> -> {
            out.append('[')
            value.forEachIndexed { i, v ->
                if (i > 0) out.append(',')
                write(v, out)
            }
            out.append(']')
        }
        else -> error("not a JSON value: $value")
    }
}

private fun writeString(s: String, out: StringBuilder) {
    out.append('"')
    for (c in s) {
        when {
            c == '"' -> out.append("\\\"")
            c == '\\' -> out.append("\\\\")
            c < ' ' -> out.append(String.format("\\u%04x", c.code))
            else -> out.append(c)
        }
    }
    out.append('"')
}

/**
 * Whether [actual] contains everything [expected] says: objects recursively, arrays element by
 * element and of the same length, numbers as numbers, anything else by equality (the rule of
 * tests/scenarios/README.md).
 */
fun subset(expected: Any?, actual: Any?): Boolean = when {
    expected is Map<*, *> && actual is Map<*, *> ->
        expected.all { (k, v) -> actual.containsKey(k) && subset(v, actual[k]) }
    expected is List<*> && actual is List<*> ->
        expected.size == actual.size && expected.indices.all { subset(expected[it], actual[it]) }
    expected is BigDecimal && actual is BigDecimal -> expected.compareTo(actual) == 0
    else -> expected == actual
}
