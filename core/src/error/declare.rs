//! The one place a refusal is written: [`refusals!`] takes a concern's refusals, each with its
//! code, its fields, its English and its Vietnamese message side by side, and writes the enum, its
//! `Display` (the English message), its [`Refusal`](super::Refusal) implementation and the list of
//! its declarations ([`Declaration`]), which `CODES`, docs/errors.md and the bindings read.

/// One refusal as declared, for documentation and bindings: its code, its fields and its two
/// messages as written (with `{field}` placeholders, not filled in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declaration {
    /// The stable code, e.g. `vote.not_eligible` (two variants may share a code, as
    /// `input.malformed` does for a command and a report query).
    pub code: &'static str,
    /// The variant's name in its enum, e.g. `NotEligible`.
    pub variant: &'static str,
    /// When it is refused: the variant's doc comment, its lines joined by spaces.
    pub doc: &'static str,
    /// Its structured fields, in the order they are serialised.
    pub fields: &'static [DeclaredField],
    /// The English message as written, e.g. `{member} cannot vote: the member {reason} (R-34).…`.
    pub en: &'static str,
    /// The Vietnamese message as written, with the same kind of placeholders.
    pub vi: &'static str,
}

/// One structured field of a declared refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DeclaredField {
    /// Its name, as serialised in `fields`.
    pub name: &'static str,
    /// What it holds: the field's doc comment, its lines joined by spaces.
    pub doc: &'static str,
}

/// Declares the refusals of one concern. Each refusal is written once:
///
/// ```text
/// refusals! {
///     /// The enum's doc comment.
///     pub enum VoteError {
///         /// When it is refused (R-34, …).
///         "vote.not_eligible" NotEligible {
///             /// The voter listed.
///             member: MemberId,
///             /// Why they may not vote.
///             reason: Ineligibility,
///         } => en("{member} cannot vote: the member {reason} (R-34)…"),
///              vi("Đồng chí {member} không được biểu quyết: đồng chí {reason} (R-34)…",
///                 reason = reason.vi());
///         /// A variant without fields has no braces (it serialises as `null`).
///         "vote.something" Something => en("…"), vi("…");
///     }
/// }
/// ```
///
/// A message is a format string whose `{field}` placeholders take the variant's fields (bound by
/// reference); a part that needs computing is a named argument after it (`reason = reason.vi()`),
/// so that the message as written, placeholders and all, is also what docs/errors.md shows. A
/// field's own attributes are limited to `#[serde(...)]`, written after its doc comment.
///
/// It writes the enum (`Debug`, `Clone`, `PartialEq`, and `Serialize` untagged: a refusal's
/// fields as a map), `Display` with the English message, `std::error::Error`,
/// [`Refusal`](super::Refusal) (`code` and `message_vi`), and `REFUSALS`, the list of its
/// [`Declaration`]s in the order written.
macro_rules! refusals {
    (
        $(#[doc = $enum_doc:literal])*
        pub enum $Enum:ident {
            $(
                $(#[doc = $doc:literal])*
                $code:literal $Variant:ident $({
                    $(
                        $(#[doc = $field_doc:literal])*
                        $(#[serde($($serde:tt)*)])?
                        $field:ident: $Type:ty
                    ),* $(,)?
                })?
                => en($en:literal $(, $en_name:ident = $en_arg:expr)* $(,)?),
                   vi($vi:literal $(, $vi_name:ident = $vi_arg:expr)* $(,)?);
            )*
        }
    ) => {
        $(#[doc = $enum_doc])*
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
        #[serde(untagged)]
        pub enum $Enum {
            $(
                // uniffi reads only literal doc comments.
                #[cfg_attr(not(feature = "uniffi"), doc = concat!("`", $code, "`:"))]
                $(#[doc = $doc])*
                $Variant $({
                    $(
                        $(#[doc = $field_doc])*
                        $(#[serde($($serde)*)])?
                        $field: $Type,
                    )*
                })?,
            )*
        }

        impl $Enum {
            /// Every refusal of this concern as declared, in the order written.
            pub const REFUSALS: &'static [$crate::error::Declaration] = &[$(
                $crate::error::Declaration {
                    code: $code,
                    variant: stringify!($Variant),
                    doc: concat!($($doc),*).trim_ascii_start(),
                    fields: &[$($(
                        $crate::error::DeclaredField {
                            name: stringify!($field),
                            doc: concat!($($field_doc),*).trim_ascii_start(),
                        },
                    )*)?],
                    en: $en,
                    vi: $vi,
                },
            )*];
        }

        impl ::std::fmt::Display for $Enum {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    $(
                        #[allow(unused_variables)]
                        Self::$Variant { $($($field),*)? } => {
                            write!(f, $en $(, $en_name = $en_arg)*)
                        }
                    )*
                }
            }
        }

        impl ::std::error::Error for $Enum {}

        impl $crate::error::Refusal for $Enum {
            fn code(&self) -> &'static str {
                match self {
                    $(Self::$Variant { .. } => $code,)*
                }
            }

            fn message_vi(&self) -> String {
                match self {
                    $(
                        #[allow(unused_variables)]
                        Self::$Variant { $($($field),*)? } => {
                            format!($vi $(, $vi_name = $vi_arg)*)
                        }
                    )*
                }
            }
        }
    };
}

pub(crate) use refusals;
