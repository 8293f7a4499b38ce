#!/usr/bin/env python3
"""Where the bytes of a wasm build go: code size summed by origin (serde_json, B-trees, serde
derives on chibo's types, chibo's reports…), read from the function names of the module that
cargo writes *before* wasm-bindgen strips them.

    python3 bench/wasm/size_by_origin.py target/wasm32-unknown-unknown/release/chibo_wasm.wasm

Standard library only. The categories are a rough reading of mangled names (legacy Rust mangling
keeps paths, not generic arguments): a serde_json deserializer monomorphised for a chibo type
counts as serde_json.
"""

import collections
import sys


def leb128(data: bytes, pos: int) -> tuple[int, int]:
    """An unsigned LEB128 number at `pos`, and the position after it."""
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def skip_import(body: bytes, pos: int) -> tuple[int, bool]:
    """Skips one import entry; says whether it imported a function."""
    for _ in range(2):  # module and field names
        length, pos = leb128(body, pos)
        pos += length
    kind = body[pos]
    pos += 1
    if kind == 0:  # function: type index
        _, pos = leb128(body, pos)
    elif kind == 1:  # table: element type, limits
        pos += 1
        flags, pos = leb128(body, pos)
        _, pos = leb128(body, pos)
        if flags & 1:
            _, pos = leb128(body, pos)
    elif kind == 2:  # memory: limits
        flags, pos = leb128(body, pos)
        _, pos = leb128(body, pos)
        if flags & 1:
            _, pos = leb128(body, pos)
    elif kind == 3:  # global: value type, mutability
        pos += 2
    return pos, kind == 0


def read(data: bytes) -> tuple[list[int], dict[int, str], int, int]:
    """Function body sizes, function names by index, imported functions, data bytes."""
    pos, imported, names, bodies, data_bytes = 8, 0, {}, [], 0
    while pos < len(data):
        section = data[pos]
        size, pos = leb128(data, pos + 1)
        body = data[pos : pos + size]
        if section == 2:
            count, p = leb128(body, 0)
            for _ in range(count):
                p, is_function = skip_import(body, p)
                imported += is_function
        elif section == 10:
            count, p = leb128(body, 0)
            for _ in range(count):
                length, q = leb128(body, p)
                bodies.append(length + (q - p))
                p = q + length
        elif section == 11:
            data_bytes = size
        elif section == 0:
            length, p = leb128(body, 0)
            if body[p : p + length] == b"name":
                p += length
                while p < len(body):
                    kind = body[p]
                    sub_size, p = leb128(body, p + 1)
                    end = p + sub_size
                    if kind == 1:
                        count, q = leb128(body, p)
                        for _ in range(count):
                            index, q = leb128(body, q)
                            length, q = leb128(body, q)
                            names[index] = body[q : q + length].decode("utf8", "replace")
                            q += length
                    p = end
        pos += size
    return bodies, names, imported, data_bytes


def origin(name: str) -> str:
    """A rough origin of a mangled function name."""
    serde_words = ("serde", "Deserialize", "Serialize", "Visitor")
    if "chibo" in name and any(word in name for word in serde_words):
        return "serde derives on chibo's types"
    for needle, label in (
        ("chibo_wasm", "the binding (chibo-wasm, wasm-bindgen)"),
        ("wasm_bindgen", "the binding (chibo-wasm, wasm-bindgen)"),
        ("chibo6report", "chibo's reports"),
        ("chibo5error", "chibo's refusals"),
        ("chibo", "chibo, the rest"),
        ("serde_json", "serde_json (monomorphised for chibo's types)"),
        ("serde", "serde"),
        ("chrono", "chrono"),
        ("sha2", "sha2"),
        ("btree", "B-tree maps and sets"),
        ("fmt", "core::fmt"),
    ):
        if needle in name:
            return label
    return "other (std, alloc, unnamed)"


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], "rb") as file:
        bodies, names, imported, data_bytes = read(file.read())
    if not names:
        sys.exit("no name section: give the module cargo wrote, not wasm-bindgen's output")
    totals: collections.Counter[str] = collections.Counter()
    for index, size in enumerate(bodies):
        totals[origin(names.get(index + imported, ""))] += size
    code = sum(bodies)
    print(f"code {code:,} bytes in {len(bodies):,} functions; data {data_bytes:,} bytes")
    for label, size in totals.most_common():
        print(f"{size:>10,}  {100 * size / code:5.1f} %  {label}")


if __name__ == "__main__":
    main()
