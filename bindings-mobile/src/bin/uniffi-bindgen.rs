//! uniffi's generator, pinned to the crate's uniffi version: `cargo run -p chibo-mobile --features cli --bin uniffi-bindgen -- generate ...`.
fn main() {
    uniffi::uniffi_bindgen_main()
}
