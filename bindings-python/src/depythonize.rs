//! Commands read straight from Python values: a serde `Deserializer` over `dict`, `list`,
//! `tuple`, `str`, `int`, `float`, `bool` and `None` (plus aware `datetime`, `date` and enums), so
//! that the core's `Command` is built in one pass, without the `serde_json::Value` tree the
//! binding used to build first (a map of owned keys and strings, then read a second time).
//!
//! It accepts and refuses exactly what `convert::to_json` does (same types, same refusals: a naive
//! `datetime`, a lone surrogate, a number that is not finite or too large, a key that is not a
//! string, nesting deeper than `convert::MAX_DEPTH`), and reads values the way serde_json reads a
//! `Value` (objects as maps, enums as a string or a map with a single key, numeric map keys
//! parsed), so a command means the same whether it arrives as a dict or as JSON text.

use crate::convert::{self, MAX_DEPTH};
use chibo::error::InputError;
use chibo::Command;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use serde::forward_to_deserialize_any;
use std::borrow::Cow;
use std::fmt;

/// Why a value could not be read: a refusal of the core (`input.malformed`), or an exception a
/// Python object raised while being read (a `tzinfo` whose `utcoffset` fails, say).
#[derive(Debug)]
pub enum Error {
    /// The value is not a command: the refusal to report.
    Refused(chibo::Error),
    /// Python raised while the value was read.
    Raised(PyErr),
}

impl Error {
    fn malformed(detail: impl fmt::Display) -> Self {
        Self::Refused(InputError::malformed(detail))
    }

    /// As a Python exception (a refusal becomes the `chibo.ChiboError` of its kind).
    pub fn into_py(self) -> PyErr {
        match self {
            Self::Refused(error) => crate::error::refusal(&error),
            Self::Raised(error) => error,
        }
    }
}

impl From<PyErr> for Error {
    fn from(error: PyErr) -> Self {
        Self::Raised(error)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Refused(error) => f.write_str(&error.message_en()),
            Self::Raised(error) => write!(f, "{error}"),
        }
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self::malformed(msg)
    }

    // serde_json's wording, so that a dict and its JSON text are refused with the same detail.
    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self::malformed(format_args!(
            "invalid type: {}, expected {exp}",
            Shown(unexp)
        ))
    }

    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self::malformed(format_args!(
            "invalid value: {}, expected {exp}",
            Shown(unexp)
        ))
    }
}

/// An unexpected value as serde_json names it (`null` rather than serde's `unit value`).
struct Shown<'a>(Unexpected<'a>);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Unit => f.write_str("null"),
            Unexpected::Float(n) => write!(f, "floating point `{n}`"),
            other => write!(f, "{other}"),
        }
    }
}

type Result<T> = std::result::Result<T, Error>;

/// A command given as a `dict` in the JSON shape of docs/json.md.
pub fn command(value: &Bound<'_, PyAny>) -> Result<Command> {
    serde::Deserialize::deserialize(Reader::new(value, 0))
}

/// A command given as its parts: the action's name, the actor, the time and the payload (what the
/// keyword methods pass), read as if it were `{"actor", "at", "action": {name: payload}}`.
pub fn command_of_parts(
    action: &str,
    actor: &Bound<'_, PyAny>,
    at: &Bound<'_, PyAny>,
    payload: &Bound<'_, PyAny>,
) -> Result<Command> {
    serde::Deserialize::deserialize(Parts {
        action,
        actor,
        at,
        payload,
        next: 0,
    })
}

/// A Python value being read, and how deep it sits.
struct Reader<'a, 'py> {
    value: &'a Bound<'py, PyAny>,
    depth: usize,
}

impl<'a, 'py> Reader<'a, 'py> {
    fn new(value: &'a Bound<'py, PyAny>, depth: usize) -> Self {
        Self { value, depth }
    }

    /// The depth of a container's items, refused past `MAX_DEPTH`.
    fn inner(&self) -> Result<usize> {
        if self.depth >= MAX_DEPTH {
            return Err(Error::malformed(format!(
                "the value is nested more than {MAX_DEPTH} levels deep"
            )));
        }
        Ok(self.depth + 1)
    }

    /// What the value is, for a refusal naming what was expected instead.
    fn unexpected(&self) -> Unexpected<'static> {
        let value = self.value;
        if value.is_none() {
            Unexpected::Unit
        } else if value.is_instance_of::<PyBool>() {
            Unexpected::Other("boolean")
        } else if value.is_instance_of::<PyInt>() {
            Unexpected::Other("integer")
        } else if value.is_instance_of::<PyFloat>() {
            Unexpected::Other("floating point")
        } else if value.is_instance_of::<PyString>() {
            Unexpected::Other("string")
        } else if value.is_instance_of::<PyDict>() {
            Unexpected::Map
        } else if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
            Unexpected::Seq
        } else {
            Unexpected::Other("value")
        }
    }
}

/// A `str` as Rust text (borrowed from Python's own UTF-8 where it can be).
pub fn text<'a>(text: &'a Bound<'_, PyString>) -> Result<Cow<'a, str>> {
    text.to_cow()
        .map_err(|_| Error::Refused(convert::lone_surrogate(text)))
}

fn visit_text<'de, V: Visitor<'de>>(text: Cow<'_, str>, visitor: V) -> Result<V::Value> {
    match text {
        Cow::Borrowed(text) => visitor.visit_str(text),
        Cow::Owned(text) => visitor.visit_string(text),
    }
}

impl<'de> Deserializer<'de> for Reader<'_, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let value = self.value;
        // The common types first, most common first; `bool` before `int` (its subclass).
        if let Ok(string) = value.cast::<PyString>() {
            return visit_text(text(string)?, visitor);
        }
        if let Ok(dict) = value.cast::<PyDict>() {
            return visit_map(dict, self.inner()?, visitor);
        }
        if value.is_none() {
            return visitor.visit_unit();
        }
        if let Ok(flag) = value.cast::<PyBool>() {
            return visitor.visit_bool(flag.is_true());
        }
        if let Ok(int) = value.cast::<PyInt>() {
            if let Ok(n) = int.extract::<i64>() {
                return match u64::try_from(n) {
                    Ok(n) => visitor.visit_u64(n),
                    Err(_) => visitor.visit_i64(n),
                };
            }
            if let Ok(n) = int.extract::<u64>() {
                return visitor.visit_u64(n);
            }
            return Err(Error::malformed("an integer is too large for the journal"));
        }
        if let Ok(list) = value.cast::<PyList>() {
            let depth = self.inner()?;
            return visit_seq(list.iter(), list.len(), depth, visitor);
        }
        if let Ok(float) = value.cast::<PyFloat>() {
            let n = float.value();
            if !n.is_finite() {
                return Err(Error::malformed("a number is not finite"));
            }
            return visitor.visit_f64(n);
        }
        if let Ok(tuple) = value.cast::<PyTuple>() {
            let depth = self.inner()?;
            return visit_seq(tuple.iter(), tuple.len(), depth, visitor);
        }
        match convert::other(value)? {
            convert::Other::Text(text) => visitor.visit_string(text),
            convert::Other::Value(inner) => {
                Reader::new(&inner, self.inner()?).deserialize_any(visitor)
            }
            convert::Other::Unsupported(refusal) => Err(Error::Refused(refusal)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.value.is_none() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let value = self.value;
        if let Ok(string) = value.cast::<PyString>() {
            let name = text(string)?.into_owned();
            return visitor.visit_enum(name.into_deserializer());
        }
        if let Ok(dict) = value.cast::<PyDict>() {
            let single = || de::Error::invalid_value(Unexpected::Map, &"map with a single key");
            if dict.len() != 1 {
                return Err(single());
            }
            let (name, payload) = dict.iter().next().ok_or_else(single)?;
            let name = name.cast::<PyString>().map_err(|_| not_a_key())?;
            return visitor.visit_enum(Variant {
                name: text(name)?,
                payload: Reader::new(&payload, self.inner()?),
            });
        }
        if !matches!(self.unexpected(), Unexpected::Other("value")) {
            return Err(de::Error::invalid_type(self.unexpected(), &"string or map"));
        }
        match convert::other(value)? {
            convert::Other::Text(name) => visitor.visit_enum(name.into_deserializer()),
            convert::Other::Value(inner) => {
                Reader::new(&inner, self.inner()?).deserialize_enum(_name, _variants, visitor)
            }
            convert::Other::Unsupported(refusal) => Err(Error::Refused(refusal)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

fn not_a_key() -> Error {
    Error::malformed("a dict key is not a string")
}

fn visit_map<'de, V: Visitor<'de>>(
    dict: &Bound<'_, PyDict>,
    depth: usize,
    visitor: V,
) -> Result<V::Value> {
    let len = dict.len();
    let mut entries = Entries {
        iter: dict.iter(),
        value: None,
        depth,
        left: len,
    };
    let map = visitor.visit_map(&mut entries)?;
    if entries.left == 0 {
        Ok(map)
    } else {
        Err(de::Error::invalid_length(len, &"fewer elements in map"))
    }
}

fn visit_seq<'de, 'py, V: Visitor<'de>>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    len: usize,
    depth: usize,
    visitor: V,
) -> Result<V::Value> {
    let mut items = Items {
        iter: items,
        depth,
        left: len,
    };
    let seq = visitor.visit_seq(&mut items)?;
    if items.left == 0 {
        Ok(seq)
    } else {
        Err(de::Error::invalid_length(len, &"fewer elements in array"))
    }
}

/// A dict's entries, read in the dict's order.
struct Entries<'py> {
    iter: pyo3::types::iter::BoundDictIterator<'py>,
    value: Option<Bound<'py, PyAny>>,
    depth: usize,
    left: usize,
}

impl<'de> MapAccess<'de> for Entries<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let Some((key, value)) = self.iter.next() else {
            return Ok(None);
        };
        self.left = self.left.saturating_sub(1);
        self.value = Some(value);
        let key = key.cast::<PyString>().map_err(|_| not_a_key())?;
        seed.deserialize(Key(text(key)?)).map(Some)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value> {
        match self.value.take() {
            Some(value) => seed.deserialize(Reader::new(&value, self.depth)),
            None => Err(de::Error::custom("value is missing")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

/// A list's or tuple's items.
struct Items<I> {
    iter: I,
    depth: usize,
    left: usize,
}

impl<'de, 'py, I: Iterator<Item = Bound<'py, PyAny>>> SeqAccess<'de> for Items<I> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        match self.iter.next() {
            Some(item) => {
                self.left = self.left.saturating_sub(1);
                seed.deserialize(Reader::new(&item, self.depth)).map(Some)
            }
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.left)
    }
}

/// A dict key: text, or a number or `true`/`false` written as text (as serde_json reads keys).
struct Key<'a>(Cow<'a, str>);

impl Key<'_> {
    fn parsed<T: std::str::FromStr>(&self) -> Result<T> {
        self.0.parse().map_err(|_| {
            Error::malformed(format!("expected a number as the key, not {:?}", self.0))
        })
    }
}

macro_rules! numeric_key {
    ($($method:ident => $visit:ident: $ty:ty),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.$visit(self.parsed::<$ty>()?)
        })*
    };
}

impl<'de> Deserializer<'de> for Key<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visit_text(self.0, visitor)
    }

    numeric_key! {
        deserialize_i8 => visit_i64: i64,
        deserialize_i16 => visit_i64: i64,
        deserialize_i32 => visit_i64: i64,
        deserialize_i64 => visit_i64: i64,
        deserialize_i128 => visit_i128: i128,
        deserialize_u8 => visit_u64: u64,
        deserialize_u16 => visit_u64: u64,
        deserialize_u32 => visit_u64: u64,
        deserialize_u64 => visit_u64: u64,
        deserialize_u128 => visit_u128: u128,
        deserialize_f32 => visit_f64: f64,
        deserialize_f64 => visit_f64: f64,
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match &*self.0 {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            other => Err(de::Error::invalid_type(Unexpected::Str(other), &visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(self.0.into_owned().into_deserializer())
    }

    forward_to_deserialize_any! {
        char str string bytes byte_buf unit unit_struct seq tuple tuple_struct
        map struct identifier ignored_any
    }
}

/// An enum written as a map with a single key: the variant's name and its payload.
struct Variant<'a, 'b, 'py> {
    name: Cow<'a, str>,
    payload: Reader<'b, 'py>,
}

impl<'de, 'a, 'b, 'py> EnumAccess<'de> for Variant<'a, 'b, 'py> {
    type Error = Error;
    type Variant = Reader<'b, 'py>;

    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self::Variant)> {
        let name = seed.deserialize(Key(self.name))?;
        Ok((name, self.payload))
    }
}

impl<'de> VariantAccess<'de> for Reader<'_, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        serde::Deserialize::deserialize(self)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        if let Ok(list) = self.value.cast::<PyList>() {
            if list.is_empty() {
                return visitor.visit_unit();
            }
            let depth = self.inner()?;
            return visit_seq(list.iter(), list.len(), depth, visitor);
        }
        Err(de::Error::invalid_type(self.unexpected(), &"tuple variant"))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if let Ok(dict) = self.value.cast::<PyDict>() {
            return visit_map(dict, self.inner()?, visitor);
        }
        // As serde_json reads the same payload written as JSON text: the fields in order.
        if let Ok(list) = self.value.cast::<PyList>() {
            let depth = self.inner()?;
            return visit_seq(list.iter(), list.len(), depth, visitor);
        }
        Err(de::Error::invalid_type(
            self.unexpected(),
            &"struct variant",
        ))
    }
}

/// A command given as its parts, read as the map `{"actor", "at", "action": {name: payload}}`.
struct Parts<'a, 'py> {
    action: &'a str,
    actor: &'a Bound<'py, PyAny>,
    at: &'a Bound<'py, PyAny>,
    payload: &'a Bound<'py, PyAny>,
    next: u8,
}

impl<'de> Deserializer<'de> for Parts<'_, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_map(self)
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map struct
        enum identifier ignored_any
    }
}

impl<'de> MapAccess<'de> for Parts<'_, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let key = match self.next {
            0 => "actor",
            1 => "at",
            2 => "action",
            _ => return Ok(None),
        };
        seed.deserialize(Key(Cow::Borrowed(key))).map(Some)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value> {
        self.next += 1;
        match self.next {
            1 => seed.deserialize(Reader::new(self.actor, 0)),
            2 => seed.deserialize(Reader::new(self.at, 0)),
            _ => seed.deserialize(Action {
                name: self.action,
                payload: Reader::new(self.payload, 0),
            }),
        }
    }
}

/// The `action` of a command given as its parts: `{name: payload}`.
struct Action<'a, 'b, 'py> {
    name: &'a str,
    payload: Reader<'b, 'py>,
}

impl<'de> Deserializer<'de> for Action<'_, '_, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_map(ActionEntry {
            name: Some(self.name),
            payload: Some(self.payload),
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(Variant {
            name: Cow::Borrowed(self.name),
            payload: self.payload,
        })
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

/// The single entry of an action given as its parts, for a reader that asks for a map.
struct ActionEntry<'a, 'b, 'py> {
    name: Option<&'a str>,
    payload: Option<Reader<'b, 'py>>,
}

impl<'de> MapAccess<'de> for ActionEntry<'_, '_, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        match self.name.take() {
            Some(name) => seed.deserialize(Key(Cow::Borrowed(name))).map(Some),
            None => Ok(None),
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value> {
        match self.payload.take() {
            Some(payload) => seed.deserialize(payload),
            None => Err(de::Error::custom("value is missing")),
        }
    }
}
