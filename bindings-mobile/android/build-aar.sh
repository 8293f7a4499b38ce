#!/usr/bin/env bash
# Builds the Android AAR of chibo: libchibo_mobile.so for arm64-v8a, armeabi-v7a, x86_64 and x86
# (cargo ndk, the size-tuned bindings-mobile/release.toml), the Kotlin bindings from a host build,
# then Gradle. Needs rustup, the Android NDK (ANDROID_NDK_HOME), the Android SDK (ANDROID_HOME or
# local.properties) and Gradle 8.9 or later on PATH. Not run on the project's Linux machines
# (docs/mobile.md).
set -euo pipefail
cd "$(dirname "$0")"
android="$(pwd)"
root="$(cd ../.. && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"

rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android i686-linux-android
command -v cargo-ndk >/dev/null || cargo install cargo-ndk
cd "$root"
cargo ndk -t arm64-v8a -t armeabi-v7a -t x86_64 -t x86 -o "$android/chibo/src/main/jniLibs" \
  build --release -p chibo-mobile --config bindings-mobile/release.toml
cargo build --release -p chibo-mobile --features cli
rm -rf "$android/chibo/src/main/java"
"$target/release/uniffi-bindgen" generate --library "$target/release/libchibo_mobile.so" \
  --language kotlin --out-dir "$android/chibo/src/main/java"
cd "$android"
gradle :chibo:assembleRelease
ls -l chibo/build/outputs/aar/chibo-release.aar
