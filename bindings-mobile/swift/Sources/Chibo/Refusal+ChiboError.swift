// Hand-written, next to the generated Chibo.swift. Only reshapes values: every refusal is decided
// and worded by the core.
import Foundation

extension ChiboError {
    /// The refusal this error carries, whatever its kind: its stable code, kind, the messages in
    /// Vietnamese and English, and its fields as a JSON object.
    public var refusal: Refusal {
        switch self {
        case let .Lookup(c, vi, en, f): return Refusal(code: c, kind: .lookup, messageVi: vi, messageEn: en, fields: f)
        case let .Permission(c, vi, en, f): return Refusal(code: c, kind: .permission, messageVi: vi, messageEn: en, fields: f)
        case let .Transition(c, vi, en, f): return Refusal(code: c, kind: .transition, messageVi: vi, messageEn: en, fields: f)
        case let .Organisation(c, vi, en, f): return Refusal(code: c, kind: .organisation, messageVi: vi, messageEn: en, fields: f)
        case let .Preparation(c, vi, en, f): return Refusal(code: c, kind: .preparation, messageVi: vi, messageEn: en, fields: f)
        case let .Meeting(c, vi, en, f): return Refusal(code: c, kind: .meeting, messageVi: vi, messageEn: en, fields: f)
        case let .Vote(c, vi, en, f): return Refusal(code: c, kind: .vote, messageVi: vi, messageEn: en, fields: f)
        case let .Assignment(c, vi, en, f): return Refusal(code: c, kind: .assignment, messageVi: vi, messageEn: en, fields: f)
        case let .Report(c, vi, en, f): return Refusal(code: c, kind: .report, messageVi: vi, messageEn: en, fields: f)
        case let .Inspection(c, vi, en, f): return Refusal(code: c, kind: .inspection, messageVi: vi, messageEn: en, fields: f)
        case let .Remediation(c, vi, en, f): return Refusal(code: c, kind: .remediation, messageVi: vi, messageEn: en, fields: f)
        case let .Input(c, vi, en, f): return Refusal(code: c, kind: .input, messageVi: vi, messageEn: en, fields: f)
        case let .Journal(c, vi, en, f): return Refusal(code: c, kind: .journal, messageVi: vi, messageEn: en, fields: f)
        case let .Store(c, vi, en, f): return Refusal(code: c, kind: .store, messageVi: vi, messageEn: en, fields: f)
        }
    }
}
