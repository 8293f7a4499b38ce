// Signed records from Kotlin (docs/mobile.md, "Signed records"): a key the JDK makes and keeps —
// as the Android Keystore or the iOS Keychain would, the library never seeing its secret — signs
// `signingMessage(command)` and `executeSigned` accepts it; the JDK and the library sign alike; a
// forged device journal and a revoked key's record are refused; a dropped tail fails against the
// last signed seal.
package vn.chibo.tests

import vn.chibo.ChiboException
import vn.chibo.Commune
import vn.chibo.CommuneFile
import vn.chibo.core.Action
import vn.chibo.core.Command
import vn.chibo.core.RevokeKey
import vn.chibo.keyProofMessage
import vn.chibo.publicKey
import vn.chibo.signCommand
import vn.chibo.signCommandJson
import vn.chibo.signKeyProof
import vn.chibo.signingMessage
import vn.chibo.signingMessageJson
import vn.chibo.verifyJournal
import vn.chibo.verifySignedSeal
import java.io.File
import java.nio.file.Files
import java.security.KeyFactory
import java.security.KeyPairGenerator
import java.security.MessageDigest
import java.security.PrivateKey
import java.security.Signature
import java.security.spec.EdECPrivateKeySpec
import java.security.spec.NamedParameterSpec

val SIGNING_TESTS: List<Pair<String, () -> Unit>> = listOf(
    "a key the JDK generated and keeps signs records executeSigned accepts" to ::jdkKeySignsRecords,
    "the JDK's Ed25519 and the library sign the same bytes alike" to ::jdkAndLibrarySignAlike,
    "a forged device journal (the secretary's name, another key) is refused on merge" to ::forgedDeviceJournalRefused,
    "a record signed with a key revoked before its date is refused" to ::revokedKeyRefused,
    "a journal with its last records dropped fails against its last signed seal" to ::droppedTailFailsAgainstSeal,
    "a journal file takes signed records, synced, and reopens with them" to ::journalFileTakesSignedRecords,
)

fun hex(bytes: ByteArray): String = bytes.joinToString("") { "%02x".format(it) }

private fun secret(byte: Int) = ByteArray(32) { byte.toByte() }
private val SECRETARY = secret(0x11)
private val REGISTRAR = secret(0x22)
private val MEMBER = secret(0x33)
private val STRANGER = secret(0x55)

/** A key pair the JDK generates and keeps: its private key is never handed to the library. */
private class PlatformKey {
    private val pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair()

    /** The raw 32-byte public key: the last 32 bytes of the X.509 SubjectPublicKeyInfo. */
    val publicKeyHex: String = pair.public.encoded.let { hex(it.copyOfRange(it.size - 32, it.size)) }

    fun sign(message: ByteArray): String = ed25519(pair.private, message)
}

private fun ed25519(key: PrivateKey, message: ByteArray): String =
    Signature.getInstance("Ed25519").run {
        initSign(key)
        update(message)
        hex(sign())
    }

/** A command as JSON text (the shape of docs/json.md). */
private fun json(actor: String, at: String, action: String) =
    """{"actor":"$actor","at":"$at","action":$action}"""

private fun registration(member: String, key: String, proof: String) =
    json("vp", "2025-01-10T08:00:00+07:00",
        """{"register_key":{"member":"$member","key":"$key","proof":"$proof"}}""")

private fun register(member: String, key: ByteArray) =
    registration(member, publicKey(key), signKeyProof(key, member))

private fun revoke(actor: String, at: String, member: String, reason: String) =
    json(actor, at, """{"revoke_key":{"member":"$member","reason":"$reason"}}""")

/** Executes a JSON command signed with a 32-byte secret by the library. */
private fun Commune.signed(command: String, secret: ByteArray) =
    executeJsonSigned(command, signCommandJson(secret, command))

/** The setup; the registrar registers keys and requires signatures from 2025-02-01. */
private fun keyed(secretary: String? = null, secretaryProof: String? = null): Commune {
    val journal = Commune()
    setupCommands("commune").forEach { journal.executeJson(it) }
    journal.executeJson(register("vp", REGISTRAR))
    journal.executeJson(
        if (secretary == null) register("x1-bt", SECRETARY)
        else registration("x1-bt", secretary, secretaryProof!!),
    )
    journal.executeJson(register("x1-03", MEMBER))
    val policy = json("vp", "2025-01-20T08:00:00+07:00", """{"amend_rules":{"from":"2025-02-01","overrides":
        {"signatures_required":{"value":true,"source":{"document":"Nghị quyết của Đảng ủy xã Nga Trường",
        "date":"2025-01-20","provision":"R-33","verified":true}}}}}""")
    journal.signed(policy, REGISTRAR)
    return journal
}

/** The journal's lines, as a file would hold them. */
private fun textOf(lines: List<String>) = lines.joinToString("") { "$it\n" }

/** A journal line written by hand, as a forger's tool would (docs/journal.md): any signature. */
private fun forgedLine(seq: ULong, prev: String, command: String, signature: String): String {
    val message = signingMessageJson(command)
    val event = String(message.copyOfRange("chibo/event/v1\n".length, message.size), Charsets.UTF_8)
    val body = """{"v":2,"seq":$seq,"prev":"$prev","event":$event,"sig":"$signature"}"""
    val hash = hex(MessageDigest.getInstance("SHA-256").digest(body.toByteArray(Charsets.UTF_8)))
    return body.dropLast(1) + ""","hash":"$hash"}"""
}

fun jdkKeySignsRecords() {
    val platform = PlatformKey()
    // The proof of possession, signed by the platform over the library's message.
    val proof = platform.sign(keyProofMessage("x1-bt", platform.publicKeyHex))
    val journal = keyed(platform.publicKeyHex, proof)
    val lines = mutableListOf<String>()
    // A typed command: its message is the JSON one's, byte for byte.
    val typed = Command("x1-bt", at(2, 25, 8, 0), Action.RevokeKey(RevokeKey("x1-03", "Mất điện thoại")))
    val asJson = revoke("x1-bt", "2025-02-25T08:00:00+07:00", "x1-03", "Mất điện thoại")
    check(signingMessage(typed).contentEquals(signingMessageJson(asJson))) { "typed and JSON messages differ" }
    val recorded = journal.executeSigned(typed, platform.sign(signingMessage(typed)))
    check(recorded.line.startsWith("{\"v\":2,")) { "not a signed record: ${recorded.line}" }
    lines += recorded.line
    // A signature of another key in the secretary's name: refused, nothing written.
    val head = journal.head()
    val other = PlatformKey()
    val next = revoke("x1-bt", "2025-02-26T08:00:00+07:00", "x1-bt", "Đổi máy")
    val forged = refused<ChiboException.Journal> { journal.executeJsonSigned(next, other.sign(signingMessageJson(next))) }
    checkEqual("journal.signature_invalid", forged.code, "another key")
    checkEqual(head, journal.head(), "nothing written")
    // Unsigned, after the policy date: refused too.
    checkEqual("journal.signature_missing", refused<ChiboException.Journal> { journal.executeJson(next) }.code, "unsigned")
    journal.executeJsonSigned(next, platform.sign(signingMessageJson(next)))
    checkEqual(head.seq + 1uL, journal.head().seq, "the platform's signature accepted")
    // Malformed signatures and secrets are input errors.
    checkEqual("input.malformed", refused<ChiboException.Input> { journal.executeJsonSigned(next, "zz") }.code, "bad hex")
    checkEqual("input.malformed", refused<ChiboException.Input> { publicKey(ByteArray(31)) }.code, "short secret")
    journal.close()
}

fun jdkAndLibrarySignAlike() {
    // The fixed secrets imported into the JDK (as a key moved into a key store would be).
    val factory = KeyFactory.getInstance("Ed25519")
    val command = revoke("x1-bt", "2025-02-25T08:00:00+07:00", "x1-03", "Mất điện thoại")
    for (secret in listOf(SECRETARY, REGISTRAR, STRANGER)) {
        val key = factory.generatePrivate(EdECPrivateKeySpec(NamedParameterSpec.ED25519, secret))
        checkEqual(signCommandJson(secret, command), ed25519(key, signingMessageJson(command)), "the signature")
        checkEqual(signKeyProof(secret, "x1-bt"), ed25519(key, keyProofMessage("x1-bt", publicKey(secret))), "the proof")
    }
    val typed = Command("x1-bt", at(2, 25, 8, 0), Action.RevokeKey(RevokeKey("x1-03", "Mất điện thoại")))
    checkEqual(signCommandJson(SECRETARY, command), signCommand(SECRETARY, typed), "typed and JSON signatures")
}

fun forgedDeviceJournalRefused() {
    val shared = keyed()
    val lines = mutableListOf<String>()
    val base = Commune()
    setupCommands("commune").forEach { lines += base.executeJson(it).line }
    lines += base.executeJson(register("vp", REGISTRAR)).line
    lines += base.executeJson(register("x1-bt", SECRETARY)).line
    lines += base.executeJson(register("x1-03", MEMBER)).line
    val policy = json("vp", "2025-01-20T08:00:00+07:00", """{"amend_rules":{"from":"2025-02-01","overrides":
        {"signatures_required":{"value":true,"source":{"document":"Nghị quyết của Đảng ủy xã Nga Trường",
        "date":"2025-01-20","provision":"R-33","verified":true}}}}}""")
    lines += base.signed(policy, REGISTRAR).line
    checkEqual(shared.head(), base.head(), "the device's copy")
    val head = shared.head()
    val forged = revoke("x1-bt", "2025-02-25T15:00:00+07:00", "x1-03", "Mất điện thoại")
    val device = textOf(lines + forgedLine(head.seq + 1uL, head.hash, forged, signCommandJson(STRANGER, forged)))
    checkEqual(head.seq + 1uL, verifyJournal(device).seq, "the forged chain holds")
    checkEqual("journal.signature_invalid", refused<ChiboException.Journal> { Commune.load(device) }.code, "load")
    val report = shared.merge(device)
    checkEqual(0, report.appended.size, "appended")
    checkEqual(1, report.conflicts.size, "conflicts")
    checkEqual("journal.signature_invalid", report.conflicts[0].reason.code, "the conflict's reason")
    checkEqual(head, shared.head(), "nothing merged")
    // Signed by the secretary, the same device record merges.
    val honest = textOf(lines + base.signed(forged, SECRETARY).line)
    checkEqual(1, shared.merge(honest).appended.size, "the honest record merged")
    shared.close()
    base.close()
}

fun revokedKeyRefused() {
    val journal = keyed()
    journal.signed(revoke("x1-bt", "2025-03-01T08:00:00+07:00", "x1-03", "Mất điện thoại"), SECRETARY)
    val before = journal.stateJson()
    val late = revoke("x1-03", "2025-03-03T08:00:00+07:00", "x1-03", "Thử lại")
    checkEqual("journal.signature_invalid", refused<ChiboException.Journal> { journal.signed(late, MEMBER) }.code, "revoked key")
    checkEqual(before, journal.stateJson(), "nothing changed")
    journal.close()
}

fun droppedTailFailsAgainstSeal() {
    val lines = mutableListOf<String>()
    val journal = Commune()
    setupCommands("commune").forEach { lines += journal.executeJson(it).line }
    lines += journal.executeJson(register("x1-bt", SECRETARY)).line
    val head = journal.head()
    val seal = json("x1-bt", "2025-02-25T08:00:00+07:00", """{"seal_journal":{"seq":${head.seq},"hash":"${head.hash}"}}""")
    val sealLine = journal.signed(seal, SECRETARY).line
    lines += sealLine
    checkEqual(journal.head(), verifySignedSeal(textOf(lines), sealLine), "the whole journal")
    for (kept in listOf(0, 1, lines.size - 2, lines.size - 1)) {
        val error = refused<ChiboException.Journal> { verifySignedSeal(textOf(lines.take(kept)), sealLine) }
        checkEqual("journal.seal_missing", error.code, "$kept lines kept")
    }
    checkEqual("journal.not_a_signed_seal",
        refused<ChiboException.Journal> { verifySignedSeal(textOf(lines), lines[0]) }.code, "an unsigned line")
    journal.close()
}

fun journalFileTakesSignedRecords() {
    val dir = Files.createTempDirectory("chibo-signed").toFile()
    try {
        val path = File(dir, "journal.jsonl").path
        val platform = PlatformKey()
        CommuneFile.create(path).use { file ->
            setupCommands("commune").forEach { file.executeJson(it) }
            file.executeJson(registration("x1-bt", platform.publicKeyHex,
                platform.sign(keyProofMessage("x1-bt", platform.publicKeyHex))))
            val typed = Command("x1-bt", at(2, 25, 8, 0), Action.RevokeKey(RevokeKey("x1-03", "Mất điện thoại")))
            val before = file.head()
            val forged = refused<ChiboException.Journal> { file.executeSigned(typed, PlatformKey().sign(signingMessage(typed))) }
            checkEqual("journal.signature_invalid", forged.code, "another key")
            checkEqual(before, file.head(), "nothing written")
            checkEqual(before, verifyJournal(File(path).readText()), "nothing on disk")
            // x1-03 has no key: a revocation of nothing is refused by the rules, after the signature holds.
            checkEqual("journal.no_key", refused<ChiboException.Journal> {
                file.executeSigned(typed, platform.sign(signingMessage(typed)))
            }.code, "no key to revoke")
            val own = revoke("x1-bt", "2025-02-25T09:00:00+07:00", "x1-bt", "Đổi máy")
            val recorded = file.executeJsonSigned(own, platform.sign(signingMessageJson(own)))
            check(File(path).readText().endsWith("${recorded.line}\n")) { "the signed record is on disk" }
        }
        CommuneFile.open(path).use { reopened ->
            check(File(path).readLines().last().startsWith("{\"v\":2,")) { "the last line is signed" }
            checkEqual(verifyJournal(File(path).readText()), reopened.head(), "reopened head")
        }
    } finally {
        dir.deleteRecursively()
    }
}
