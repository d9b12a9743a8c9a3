#!/bin/bash
# Builds the two libFuzzer targets into .build/fuzz/: each is one entry file
# compiled together with Sources/ClinicContent (as one module), linked with
# Yams and CYaml as `swift build` left them in .build/debug and the system's
# libcmark. Run `swift build` first.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out="$root/.build/fuzz"
debug="$root/.build/debug"
mkdir -p "$out"
[ -f "$debug/Modules/Yams.swiftmodule" ] || { echo "build first: swift build (Yams is not in $debug)" >&2; exit 1; }
mapfile -t sources < <(find "$root/Sources/ClinicContent" -name '*.swift' | sort)
mapfile -t yams < <(find "$debug/Yams.build" "$debug/CYaml.build" -name '*.o')
for target in Content Markdown; do
    swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name "Fuzz$target" \
        -I "$debug/Modules" -I "$root/Sources/CCmark" -I "$root/.build/checkouts/Yams/Sources/CYaml/include" \
        "$root/Tests/fuzz/${target}Fuzz.swift" "${sources[@]}" "${yams[@]}" -lcmark \
        -o "$out/fuzz-$(echo "$target" | tr 'A-Z' 'a-z')"
done
echo "built $out/fuzz-content and $out/fuzz-markdown"
