# The settings every wasm build of this project uses (sourced by scripts/build-wasm and
# bench/wasm-border/build, so a measurement module is built exactly as the package is):
#   size_flags    cargo --config flags: opt-level (CHIBO_WASM_OPT_LEVEL, "z" by default), fat LTO,
#                 one codegen unit, panic=abort, debug info stripped;
#   inline_flags  rustc flags: LLVM's inline threshold (CHIBO_WASM_INLINE_THRESHOLD, 35 by
#                 default: about 1.4× faster per command for about 6 % more bytes,
#                 docs/performance.md, "Fourth round").
opt_level="${CHIBO_WASM_OPT_LEVEL:-z}"
[[ "$opt_level" =~ ^[0-3]$ ]] || opt_level="\"$opt_level\""
inline_threshold="${CHIBO_WASM_INLINE_THRESHOLD:-35}"
if ! [[ "$inline_threshold" =~ ^[0-9]+$ ]]; then
  echo "CHIBO_WASM_INLINE_THRESHOLD must be a number" >&2
  exit 2
fi
inline_flags=(-C "llvm-args=-inline-threshold=$inline_threshold")
size_flags=(
  --config "profile.release.opt-level=$opt_level"
  --config 'profile.release.lto=true'
  --config 'profile.release.codegen-units=1'
  --config 'profile.release.panic="abort"'
  --config 'profile.release.strip="debuginfo"'
)
# The inline flags as a --config for the rustup route (the Debian route puts them in RUSTFLAGS).
inline_config=(--config "target.wasm32-unknown-unknown.rustflags=[\"${inline_flags[0]}\", \"${inline_flags[1]}\"]")
