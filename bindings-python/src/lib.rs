//! The Python binding of chibo: the native module `chibo._chibo`, wrapped by the pure-Python
//! package `chibo` (bindings-python/python/chibo). It converts values at the border and calls the
//! core; no domain rule lives here. docs/python.md is the guide.

mod backend;
mod commune;
mod convert;
mod depythonize;
mod error;
mod journal;
mod module;
mod outcome;
mod signing;
mod views;
