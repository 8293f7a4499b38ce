// Hand-written, shipped with the generated bindings (the AAR's sources, the JVM test's classpath).
// Only reshapes values: every refusal is decided and worded by the core.
package vn.chibo

/**
 * The refusal this exception carries, whatever its kind: its stable code, kind, the messages in
 * Vietnamese and English, and its fields as a JSON object. Catch one kind
 * (`catch (e: ChiboException.Vote)`) to act on it; read `e.refusal` to show any of them.
 */
val ChiboException.refusal: Refusal
    get() = when (this) {
        is ChiboException.Lookup -> Refusal(code, ErrorKind.LOOKUP, messageVi, messageEn, fields)
        is ChiboException.Permission -> Refusal(code, ErrorKind.PERMISSION, messageVi, messageEn, fields)
        is ChiboException.Transition -> Refusal(code, ErrorKind.TRANSITION, messageVi, messageEn, fields)
        is ChiboException.Organisation -> Refusal(code, ErrorKind.ORGANISATION, messageVi, messageEn, fields)
        is ChiboException.Preparation -> Refusal(code, ErrorKind.PREPARATION, messageVi, messageEn, fields)
        is ChiboException.Meeting -> Refusal(code, ErrorKind.MEETING, messageVi, messageEn, fields)
        is ChiboException.Vote -> Refusal(code, ErrorKind.VOTE, messageVi, messageEn, fields)
        is ChiboException.Assignment -> Refusal(code, ErrorKind.ASSIGNMENT, messageVi, messageEn, fields)
        is ChiboException.Report -> Refusal(code, ErrorKind.REPORT, messageVi, messageEn, fields)
        is ChiboException.Inspection -> Refusal(code, ErrorKind.INSPECTION, messageVi, messageEn, fields)
        is ChiboException.Remediation -> Refusal(code, ErrorKind.REMEDIATION, messageVi, messageEn, fields)
        is ChiboException.Input -> Refusal(code, ErrorKind.INPUT, messageVi, messageEn, fields)
        is ChiboException.Journal -> Refusal(code, ErrorKind.JOURNAL, messageVi, messageEn, fields)
        is ChiboException.Store -> Refusal(code, ErrorKind.STORE, messageVi, messageEn, fields)
    }
