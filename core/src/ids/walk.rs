//! Finding every id a value names, from its `Serialize` derive: ids serialise as newtypes named
//! after their kind (`MemberId`, `TaskId`…), so a serializer that looks only at those sees every
//! id of a command, however deeply nested, without a hand-kept list of fields per action.

use serde::ser::{self, Serialize, Serializer};
use std::fmt;

/// The kind of record an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum IdKind {
    Commune,
    Level,
    Cell,
    Cluster,
    Member,
    Directive,
    Meeting,
    Task,
    Inspection,
    Remediation,
}

impl IdKind {
    fn of_type(name: &str) -> Option<Self> {
        Some(match name {
            "CommuneId" => Self::Commune,
            "LevelId" => Self::Level,
            "CellId" => Self::Cell,
            "ClusterId" => Self::Cluster,
            "MemberId" => Self::Member,
            "DirectiveId" => Self::Directive,
            "MeetingId" => Self::Meeting,
            "TaskId" => Self::Task,
            "InspectionId" => Self::Inspection,
            "RemediationId" => Self::Remediation,
            _ => return None,
        })
    }

    /// The field name refusals use for an id of this kind.
    pub(crate) fn field(self) -> &'static str {
        match self {
            Self::Commune => "commune",
            Self::Level => "level",
            Self::Cell => "cell",
            Self::Cluster => "cluster",
            Self::Member => "member",
            Self::Directive => "directive",
            Self::Meeting => "meeting",
            Self::Task => "task",
            Self::Inspection => "inspection",
            Self::Remediation => "remediation",
        }
    }
}

/// Calls `visit` with every id in `value`, in serialisation order, until it returns `false`.
pub(crate) fn each_id<T: Serialize + ?Sized>(
    value: &T,
    mut visit: impl FnMut(IdKind, &str) -> bool,
) {
    let mut walker = Walker {
        visit: &mut visit,
        pending: None,
    };
    // The walker fails only to stop early.
    let _ = value.serialize(&mut walker);
}

struct Walker<'v> {
    visit: &'v mut dyn FnMut(IdKind, &str) -> bool,
    /// Set while serialising the inside of an id newtype.
    pending: Option<IdKind>,
}

/// Stops the walk.
#[derive(Debug)]
struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("stopped")
    }
}

impl std::error::Error for Stop {}

impl ser::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

type Done = Result<(), Stop>;

impl Serializer for &mut Walker<'_> {
    type Ok = ();
    type Error = Stop;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    /// Not for people: types that write themselves differently for machines may do so here,
    /// and the times of a command do (`crate::time::written`), handing over a `Display` the walk
    /// skips instead of a formatted string.
    fn is_human_readable(&self) -> bool {
        false
    }

    fn serialize_str(self, v: &str) -> Done {
        match self.pending.take() {
            Some(kind) if !(self.visit)(kind, v) => Err(Stop),
            _ => Ok(()),
        }
    }

    /// Values written through `Display` (timestamps, dates) are not ids unless an id newtype
    /// wraps one; skipping them spares formatting every date of a command.
    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Done {
        if self.pending.is_some() {
            self.serialize_str(&value.to_string())
        } else {
            Ok(())
        }
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Done {
        self.pending = IdKind::of_type(name);
        let done = value.serialize(&mut *self);
        self.pending = None;
        done
    }

    fn serialize_bool(self, _: bool) -> Done {
        Ok(())
    }
    fn serialize_i8(self, _: i8) -> Done {
        Ok(())
    }
    fn serialize_i16(self, _: i16) -> Done {
        Ok(())
    }
    fn serialize_i32(self, _: i32) -> Done {
        Ok(())
    }
    fn serialize_i64(self, _: i64) -> Done {
        Ok(())
    }
    fn serialize_u8(self, _: u8) -> Done {
        Ok(())
    }
    fn serialize_u16(self, _: u16) -> Done {
        Ok(())
    }
    fn serialize_u32(self, _: u32) -> Done {
        Ok(())
    }
    fn serialize_u64(self, _: u64) -> Done {
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Done {
        Ok(())
    }
    fn serialize_f64(self, _: f64) -> Done {
        Ok(())
    }
    fn serialize_char(self, _: char) -> Done {
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Done {
        Ok(())
    }
    fn serialize_none(self) -> Done {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Done {
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Done {
        Ok(())
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        value: &T,
    ) -> Done {
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Stop> {
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self, Stop> {
        Ok(self)
    }
}

macro_rules! walk_elements {
    ($($trait:ident :: $method:ident),* $(,)?) => {$(
        impl ser::$trait for &mut Walker<'_> {
            type Ok = ();
            type Error = Stop;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
                value.serialize(&mut **self)
            }
            fn end(self) -> Done {
                Ok(())
            }
        }
    )*};
}

walk_elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field,
);

impl ser::SerializeMap for &mut Walker<'_> {
    type Ok = ();
    type Error = Stop;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        Ok(())
    }
}

macro_rules! walk_fields {
    ($($trait:ident),* $(,)?) => {$(
        impl ser::$trait for &mut Walker<'_> {
            type Ok = ();
            type Error = Stop;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, _: &'static str, value: &T) -> Done {
                value.serialize(&mut **self)
            }
            fn end(self) -> Done {
                Ok(())
            }
        }
    )*};
}

walk_fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Command;

    #[test]
    fn every_id_of_a_command_is_found() {
        let command: Result<Command, _> = serde_json::from_str(
            r#"{"actor":"x1-bt","at":"2025-03-05T09:20:00+07:00","action":{"assign_tasks":{
                "meeting":"m-03","carried_over":["t-02"],
                "tasks":[{"task":"t-1","owner":"x1-03","content":"Dọn mương","item":1,"deadline":"2025-03-31"}]}}}"#,
        );
        let mut seen = Vec::new();
        if let Ok(command) = &command {
            each_id(command, |kind, id| {
                seen.push((kind, id.to_owned()));
                true
            });
        }
        assert_eq!(
            seen,
            [
                (IdKind::Member, "x1-bt".to_owned()),
                (IdKind::Meeting, "m-03".to_owned()),
                (IdKind::Task, "t-1".to_owned()),
                (IdKind::Member, "x1-03".to_owned()),
                (IdKind::Task, "t-02".to_owned()),
            ]
        );
    }
}
