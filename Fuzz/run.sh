#!/usr/bin/env bash
# Coverage-guided fuzzing of s11's CSV readers and XML loaders with libFuzzer.
#
#   Fuzz/run.sh TARGET [SECONDS] [libFuzzer options...]     TARGET: staff-csv, table-csv or xml
#
# Builds the target with the sources it reads (S11Core, and S11XML for xml) under
# -sanitize=fuzzer,address into .build-fuzz/, then runs it for SECONDS (default 600) on a copy of
# the committed seed corpus Fuzz/Corpus/TARGET (new inputs land in .build-fuzz/corpus/TARGET, and
# any crash in .build-fuzz/crashes/). Prints libFuzzer's last status line: executions, exec/s, corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?"usage: Fuzz/run.sh staff-csv|table-csv|xml [SECONDS] [libFuzzer options]"}
seconds=${2:-600}
shift $(( $# >= 2 ? 2 : 1 ))
out=.build-fuzz
mkdir -p "$out/corpus/$target" "$out/crashes/$target"

flags=(-O -parse-as-library -enable-bare-slash-regex -sanitize=fuzzer,address)
build() { "$@" 2>>"$out/build-$target.log" || { grep -v 'warning: Cannot export local symbol' "$out/build-$target.log" >&2; exit 1; }; }
: >"$out/build-$target.log"
# S11Core, instrumented, as a library the target imports.
mkdir -p "$out/S11Core-$target"
# shellcheck disable=SC2046
build swiftc "${flags[@]}" -module-name S11Core -emit-library -static -emit-module \
  -emit-module-path "$out/S11Core-$target/S11Core.swiftmodule" -o "$out/S11Core-$target/libS11Core.a" $(find Sources/S11Core -name '*.swift' | sort)
case "$target" in
  staff-csv) sources=(Fuzz/Targets/Checks.swift Fuzz/Targets/Fixtures.swift Fuzz/Targets/StaffCSV.swift); extra=() ;;
  table-csv) sources=(Fuzz/Targets/Checks.swift Fuzz/Targets/Fixtures.swift Fuzz/Targets/TableCSV.swift); extra=() ;;
  xml)       mapfile -t sources < <(find Sources/S11XML -name '*.swift' | sort; echo Fuzz/BundleModule.swift; echo Fuzz/Targets/Checks.swift; echo Fuzz/Targets/XML.swift)
             # shellcheck disable=SC2046
             extra=(-I Sources/CLibXML2 $(pkg-config --cflags-only-I libxml-2.0 | sed 's/-I/-Xcc -I/g') -lxml2) ;;
  *) echo "error: unknown target '$target'; use staff-csv, table-csv or xml" >&2; exit 2 ;;
esac
binary="$out/fuzz-$target"
build swiftc "${flags[@]}" -module-name S11Fuzz -I "$out/S11Core-$target" -L "$out/S11Core-$target" -lS11Core "${extra[@]}" "${sources[@]}" -o "$binary"

cp -n "Fuzz/Corpus/$target"/* "$out/corpus/$target/" 2>/dev/null || true
export S11_SCHEMAS="$PWD/Sources/S11XML" SWIFT_BACKTRACE=enable=no
log="$out/$target.log"
"$binary" "$out/corpus/$target" -max_total_time="$seconds" -artifact_prefix="$out/crashes/$target/" \
  -max_len=65536 -rss_limit_mb=4096 -print_final_stats=1 "$@" 2>"$log" || { tail -40 "$log" >&2; exit 1; }
grep -E '^#[0-9]+.*(DONE|pulse)' "$log" | tail -1
grep -E 'stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb' "$log"
echo "corpus: $(ls "$out/corpus/$target" | wc -l) inputs, $(du -sh "$out/corpus/$target" | cut -f1)"
