#!/usr/bin/env bash
# macOS only (Xcode and rustup): builds chibo-mobile as a static library for iOS devices, the iOS
# simulator (arm64 + x86_64) and macOS, generates the Swift sources with the workspace's
# uniffi-bindgen, and packs ChiboFFI.xcframework next to Package.swift. Then `swift test` here runs
# the XCTest scenario replay on the Mac. Not run on the project's Linux machines (docs/mobile.md).
set -euo pipefail
cd "$(dirname "$0")"
swift_dir="$(pwd)"
root="$(cd ../.. && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
out="$swift_dir/out"

rustup target add aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin
cd "$root"
for t in aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin; do
  cargo build --release -p chibo-mobile --target "$t"
done
# The host build: the generator, and the dylib it reads the interface from.
cargo build --release -p chibo-mobile --features cli

rm -rf "$out" "$swift_dir/ChiboFFI.xcframework"
mkdir -p "$out/headers" "$out/ios-sim" "$out/macos"
"$target/release/uniffi-bindgen" generate --library "$target/release/libchibo_mobile.dylib" \
  --language swift --out-dir "$out/generated"
# Two uniffi components, one Swift module: the binding's objects (Chibo.swift, C module ChiboFFI)
# and the core's types they take and give (ChiboCore.swift, C module ChiboCoreFFI), both in the
# target Chibo; both C modules in the one static library's module map.
cp "$out/generated/Chibo.swift" "$out/generated/ChiboCore.swift" "$swift_dir/Sources/Chibo/"
cp "$out/generated/ChiboFFI.h" "$out/generated/ChiboCoreFFI.h" "$out/headers/"
cat "$out/generated/ChiboFFI.modulemap" "$out/generated/ChiboCoreFFI.modulemap" >"$out/headers/module.modulemap"

lipo -create "$target/aarch64-apple-ios-sim/release/libchibo_mobile.a" \
  "$target/x86_64-apple-ios/release/libchibo_mobile.a" -output "$out/ios-sim/libchibo_mobile.a"
lipo -create "$target/aarch64-apple-darwin/release/libchibo_mobile.a" \
  "$target/x86_64-apple-darwin/release/libchibo_mobile.a" -output "$out/macos/libchibo_mobile.a"
xcodebuild -create-xcframework \
  -library "$target/aarch64-apple-ios/release/libchibo_mobile.a" -headers "$out/headers" \
  -library "$out/ios-sim/libchibo_mobile.a" -headers "$out/headers" \
  -library "$out/macos/libchibo_mobile.a" -headers "$out/headers" \
  -output "$swift_dir/ChiboFFI.xcframework"
echo "ChiboFFI.xcframework and Sources/Chibo/Chibo.swift, ChiboCore.swift written; run: swift test"
