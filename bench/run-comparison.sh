#!/usr/bin/env bash
# Why: one command that shows what backup-mock's full gateway (auth, api-version, routing, rate
# limits, request journal, ARM headers, a job computed from the clock and rendered to JSON) costs
# next to (b) a bare Undertow answering the same bytes, the ceiling on this machine, and (c) WireMock
# with one stub (tuned: no request journal), the usual alternative. Same request, same bytes, same
# JVM flags, loopback only.
#
# The interleaved method, for a machine shared with other work: all three servers are up at once,
# each warmed, then ROUNDS rounds, each running every row once in turn (backup-mock's finished job,
# its running job, bare Undertow, WireMock, at each connection count, and backup-mock's 200-job list
# page); each row's figure is the median of its rounds, and ratios are ratios of medians, so a burst
# of someone else's work costs one round of every row alike rather than one row. Each row also
# gets the server's CPU time per request (from /proc, user + system), which such bursts sway far less
# than throughput, and the cores other work took during each of its rounds (the machine's busy time
# less the server's and wrk's), to tell a quiet round from a busy one.
#
# Usage: bench/run-comparison.sh [--jfr] [--journal-capacity N]
#   --jfr                  also record a Flight Recorder profile (settings=default) of backup-mock during
#                          the measured rounds, to backup-mock.jfr beside the outputs (it slows backup-mock)
#   --journal-capacity N   run backup-mock with a request journal of N entries (default 2,000; 0 = off),
#                          to see what the journal costs
# Environment: JVM_FLAGS (default -Xmx512m), DURATION (8s, one row of one round), ROUNDS (3),
#   CONNECTIONS ("16 64"), START_RUNS (5; a start varies by a tenth from one to the next on a shared
#   machine, so the median of several), WARMUP_MAX (45, seconds),
#   FRESH_WARMUP (3: a freshly started backup-mock is measured after this many seconds of load, and
#   again after as many seconds idle), FRESH_RUNS (3 fresh starts of each kind, median), BM_JAR and BM_JSA (the standalone jar and its class-data archive,
#   server/target/backup-mock.jar and .jsa: another build of it, to compare).
# Prints Markdown; raw wrk outputs and the captured bytes go to bench/target/comparison/<time>/.
# Takes about 10 minutes with the default connections (7 with CONNECTIONS=64); needs wrk (installed
# with apt-get if missing) and curl.
#
# Steps: (1) JVM start -> first 200, START_RUNS runs of each variant (with and without a class-data sharing
# archive), nothing else running; (2) backup-mock: a vault with a 30 s job and a job that runs all
# day, and a second vault of 200 jobs, through the admin API; warm-up while the 30 s job runs, then
# the job's answer is captured once it no longer changes; (3) bare Undertow and WireMock start,
# replaying those bytes, and warm up; (4) ROUNDS interleaved rounds of every row; RSS of each, all
# stopped; (5) a freshly started backup-mock, with its defaults and with its warm-up on
# (-Dbackupmock.warmUp=true), each measured after FRESH_WARMUP s of load, and after as long idle.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
cd "$ROOT"

JFR=false
JOURNAL=
while (($#)); do
  arg=$1; shift
  case "$arg" in
    --jfr) JFR=true ;;
    --journal-capacity)
      JOURNAL=${1:-}; shift || true
      [[ $JOURNAL =~ ^[0-9]+$ ]] || { echo "--journal-capacity needs a number" >&2; exit 2; } ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $arg (try --help)" >&2; exit 2 ;;
  esac
done

read -r -a JVM <<< "${JVM_FLAGS:--Xmx512m}"
DURATION=${DURATION:-8s}
ROUNDS=${ROUNDS:-3}
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || { echo "ROUNDS must be a positive number" >&2; exit 2; }
FRESH_WARMUP=${FRESH_WARMUP:-3}
# A fresh start's throughput hangs on when the JIT gets to the hot path, which varies from start to
# start by half: the median of this many starts of each kind, the kinds taking turns.
FRESH_RUNS=${FRESH_RUNS:-3}
read -r -a CONNS <<< "${CONNECTIONS:-16 64}"
START_RUNS=${START_RUNS:-5}
[[ $START_RUNS =~ ^[1-9][0-9]*$ ]] || { echo "START_RUNS must be a positive number" >&2; exit 2; }
WARMUP_STEP=5          # seconds per warm-up wrk run
WARMUP_MIN=10          # every server warms at least this long...
WARMUP_MAX=${WARMUP_MAX:-45}   # ...and until a run is no more than 5 % faster than the one before, or this long
THREADS=2
TOKEN='Authorization: Bearer x'
SUB=00000000-0000-0000-0000-000000000000
VAULT_PATH=/subscriptions/$SUB/resourceGroups/testVaultRG/providers/Microsoft.RecoveryServices/vaults/testVault
API='api-version=2019-05-13'
LIST_PATH="$VAULT_PATH/backupJobs?$API"
PAGE_VAULT=pageVault
PAGE_PATH=/subscriptions/$SUB/resourceGroups/testVaultRG/providers/Microsoft.RecoveryServices/vaults/$PAGE_VAULT/backupJobs?$API

BM_JAR=${BM_JAR:-server/target/backup-mock.jar}
BM_JSA=${BM_JSA:-server/target/backup-mock.jsa}
BENCH_FAT=bench/target/benchmarks.jar
BENCH_THIN=bench/target/backup-mock-bench-0.1.0-SNAPSHOT.jar
WIREMOCK_JAR=bench/target/wiremock/wiremock-standalone.jar
SERVERS=(backup-mock bare wiremock)

OUT=bench/target/comparison/$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# ---- every process this script starts is stopped on exit ----
PIDS=()
stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.05; done
  kill -KILL "$pid" 2>/dev/null || true
}
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do stop_pid "$pid"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A sleep without a fork (a read that times out on a FIFO nobody writes), so polling every few ms
# does not steal CPU from a JVM that is starting on the same two cores.
mkfifo "$OUT/.tick"
exec 9<>"$OUT/.tick"
nap() { read -r -t "$1" -u 9 _ || true; }

# ---- prerequisites ----
if [[ ! -f $BM_JAR || ! -f $BM_JSA || ! -f $BENCH_FAT || ! -f $BENCH_THIN || ! -f $WIREMOCK_JAR ]]; then
  log "jars missing: mvn -q -B -DskipTests package"
  mvn -q -B -DskipTests package
fi
if ! command -v wrk >/dev/null; then
  log "installing wrk"
  SUDO=; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get install -y wrk >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y wrk >/dev/null; }
fi
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }

# ---- the three servers ----
# server_cmd NAME LOG BODY HEADERS [ARCHIVE]: sets CMD to the command line that starts NAME, with the
# class-data sharing archive ARCHIVE if given. Every JVM logs its GC pauses with UTC time stamps to
# $OUT/gc-LOG.log, to tell what of a row's latency is GC. backup-mock listens as BM_LISTEN says.
BM_LISTEN=(--port 0 --http-port 0)
BM_PROPS=()
server_cmd() {
  local name=$1 gc="-Xlog:gc:file=$OUT/gc-$2.log:utctime" body=$3 headers=$4 archive=()
  [[ -n ${5:-} ]] && archive=("-XX:SharedArchiveFile=$5")
  case "$name" in
    backup-mock) CMD=(java "${JVM[@]}" "${BM_PROPS[@]}" "${archive[@]}" "$gc" -jar "$BM_JAR" "${BM_LISTEN[@]}") ;;
    bare) CMD=(java "${JVM[@]}" "${archive[@]}" "$gc" -cp "$BENCH_FAT" io.backupmock.bench.BareUndertowServer 0 "$body" "$headers") ;;
    wiremock) CMD=(java "${JVM[@]}" "$gc" -cp "$BENCH_THIN:$WIREMOCK_JAR" io.backupmock.bench.WireMockServerMain 0
                   "$body" "$headers") ;;
  esac
}
# launch LOG CMD...: starts CMD in the background (stdout to $OUT/LOG.out); sets LAUNCHED_PID.
launch() {
  local name=$1; shift
  "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" &
  LAUNCHED_PID=$!
  PIDS+=("$LAUNCHED_PID")
}
# url_of LOG PID: waits for the plain-HTTP base URL the server prints once ready; sets URL.
url_of() {
  local name=$1 pid=$2 line
  URL=
  for _ in $(seq 1 6000); do
    if [[ -s $OUT/$name.out ]]; then
      while read -r line; do
        [[ $line == http://* ]] && { URL=${line%% *}; return 0; }
      done <"$OUT/$name.out"
    fi
    kill -0 "$pid" 2>/dev/null || { echo "$name died:" >&2; cat "$OUT/$name.err" >&2; exit 1; }
    nap 0.005
  done
  echo "$name printed no URL in 30 s" >&2; exit 1
}

# ---- (1) start-up: JVM launch -> first 200, with nothing else running ----
# time_to_200 LOG PATH CMD...: sets MS, milliseconds from launch to the first 200 on PATH; then stops it.
time_to_200() {
  local name=$1 path=$2; shift 2
  local t0 t1 code= pid
  t0=$(date +%s%N)
  launch "$name" "$@"; pid=$LAUNCHED_PID
  url_of "$name" "$pid"
  for _ in $(seq 1 6000); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 -H "$TOKEN" "$URL$path" || true)
    [[ $code == 200 ]] && break
    nap 0.005
  done
  t1=$(date +%s%N)
  stop_pid "$pid"
  [[ $code == 200 ]] || { echo "$name never answered 200 (last: $code)" >&2; exit 1; }
  MS=$(((t1 - t0) / 1000000))
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

printf '{"placeholder":true}' >"$OUT/startup-body.json"
printf 'HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n\r\n' >"$OUT/startup-headers.txt"
# Bare Undertow gets a class-data sharing archive of its own, recorded as the build records
# backup-mock's (one start, one request), so the two compare like for like with and without one.
log "recording bare Undertow's class-data sharing archive"
server_cmd bare bare-archive "$OUT/startup-body.json" "$OUT/startup-headers.txt"
launch bare-archive java -XX:ArchiveClassesAtExit="$OUT/bare.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off "${CMD[@]:1}"
url_of bare-archive "$LAUNCHED_PID"
curl -s -o /dev/null "$URL$LIST_PATH"
stop_pid "$LAUNCHED_PID"
[[ -s $OUT/bare.jsa ]] || { echo "no class-data archive for bare Undertow" >&2; exit 1; }
# The start-up variants: backup-mock as the README starts it (with the archive the build records),
# with plain HTTP only (as bare Undertow serves) and with its default HTTPS listener too, and without
# the archive; bare Undertow with and without its archive; WireMock as its docs start it.
STARTS=(bm-archive bm-archive-https bm-plain bare-archive bare wiremock)
declare -A START_LABEL=([bm-archive]="backup-mock, class-data archive, HTTP" [bm-archive-https]="backup-mock, class-data archive, HTTPS + HTTP (its default listener too)"
  [bm-plain]="backup-mock, no archive, HTTP" [bare-archive]="bare Undertow, class-data archive" [bare]="bare Undertow, no archive"
  [wiremock]="WireMock 3.13.2, no archive")
start_cmd() {
  local variant=$1 log=$2 body="$OUT/startup-body.json" headers="$OUT/startup-headers.txt"
  case "$variant" in
    bm-archive|bm-plain)
      local default=("${BM_LISTEN[@]}") archive=; [[ $variant == bm-archive ]] && archive=$BM_JSA
      BM_LISTEN=(--no-https --http-port 0); server_cmd backup-mock "$log" - - "$archive"; BM_LISTEN=("${default[@]}") ;;
    bm-archive-https) server_cmd backup-mock "$log" - - "$BM_JSA" ;;
    bare-archive) server_cmd bare "$log" "$body" "$headers" "$OUT/bare.jsa" ;;
    *) server_cmd "$variant" "$log" "$body" "$headers" ;;
  esac
}
declare -A START
log "start-up: JVM launch -> first 200, $START_RUNS runs of each variant, interleaved"
for run in $(seq 1 "$START_RUNS"); do
  for variant in "${STARTS[@]}"; do
    start_cmd "$variant" "start-$variant-$run"
    path=$LIST_PATH; [[ $variant == wiremock ]] && path="$VAULT_PATH/backupJobs/00000000-0000-0000-0000-000000000001?$API"
    time_to_200 "start-$variant-$run" "$path" "${CMD[@]}"
    START[$variant]="${START[$variant]:-} $MS"
  done
done

# ---- wrk and its output ----
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.3f", v * 60000 }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
    else printf "nan" }'
}
rps_of() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
declare -A URLS PID RPS P50 P99 BAD RSS SAME WARM WARM_RPS GC CPU OTHERS
# CPU time in clock ticks: of process PID (user + system), and of the whole machine (busy, not idle or iowait).
TICK=$(getconf CLK_TCK)
ticks_of() { awk '{print $14 + $15}' "/proc/$1/stat"; }
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
# wrk's own CPU: this shell's finished children's user + system time, as `times` prints it, into
# CHILD_TICKS (`times` itself runs in this shell: a subshell would count only its own children).
children_ticks() {
  times >"$OUT/times.txt"
  CHILD_TICKS=$(awk -v t="$TICK" 'NR == 2 { n = 0; for (i = 1; i <= 2; i++) { split($i, p, /m|s/); n += p[1] * 60 + p[2] } printf "%d", n * t }' "$OUT/times.txt")
}
now_utc() { date -u +%Y-%m-%dT%H:%M:%S.%3N+0000; }
# gc_pauses LOG FROM TO: "total / longest" milliseconds of the pauses logged between FROM and TO.
gc_pauses() {
  awk -v from="[$2]" -v to="[$3]" '$1 >= from && $1 <= to && /Pause/ {
      v = $NF; sub(/ms$/, "", v); v += 0; total += v; if (v > longest) longest = v }
    END { printf "%.0f / %.0f", total, longest }' "$1"
}
# warm NAME MIN MAX: wrk runs of WARMUP_STEP s until at least MIN s have passed and a run is no more
# than 5 % faster than the one before (the JIT is done), or MAX s have passed.
warm() {
  local name=$1 min=$2 max=$3 started prev=0 rps i=0 f
  ((max >= min)) || max=$min
  started=$(date +%s)
  while :; do
    i=$((i + 1)); f="$OUT/wrk-$name-warmup-$i.txt"
    wrk -t$THREADS -c16 -d${WARMUP_STEP}s -H "$TOKEN" "${URLS[$name]}$JOB_PATH" >"$f"
    rps=$(rps_of "$f")
    WARM[$name]=$(($(date +%s) - started)); WARM_RPS[$name]=$rps
    ((WARM[$name] >= max)) && break
    ((WARM[$name] >= min)) && awk -v a="$rps" -v b="$prev" 'BEGIN { exit !(a <= b * 1.05) }' && break
    prev=$rps
  done
  log "$name warmed for ${WARM[$name]} s (last 5 s: ${rps%.*} requests/s)"
}
# measure NAME C [KEY PATH]: one wrk run of NAME at C connections on the job's GET (or PATH), its figures
# appended to the rounds of KEY (default NAME) at C.
measure() {
  local name=$1 c=$2 key=${3:-$1} path=${4:-$JOB_PATH} round=${ROUND:-1}
  local f="$OUT/wrk-$key-c$c-r$round.txt"
  log "round $round: $key, $c connections, $DURATION"
  local from; from=$(now_utc)
  local server0 busy0 wrk0 requests server busy wrk
  children_ticks; wrk0=$CHILD_TICKS; server0=$(ticks_of "${PID[$name]}"); busy0=$(busy_ticks)
  wrk -t$THREADS -c"$c" -d"$DURATION" --latency -H "$TOKEN" "${URLS[$name]}$path" >"$f"
  server=$(($(ticks_of "${PID[$name]}") - server0)); busy=$(($(busy_ticks) - busy0))
  children_ticks; wrk=$((CHILD_TICKS - wrk0))
  requests=$(awk '/requests in/ {print $1}' "$f")
  # The server's CPU per request (less swayed by other work than throughput is), and the cores that
  # other work took meanwhile (the machine's busy time less the server's and wrk's).
  CPU[$key,$c]="${CPU[$key,$c]:-} $(awk -v n="$server" -v r="$requests" -v t="$TICK" 'BEGIN { printf "%.2f", (r > 0 ? n / t * 1e6 / r : 0) }')"
  OTHERS[$key,$c]="${OTHERS[$key,$c]:-}${OTHERS[$key,$c]:+ }$(awk -v b="$busy" -v s="$server" -v w="$wrk" -v t="$TICK" -v d="${DURATION%s}" \
    'BEGIN { o = (b - s - w) / t / d; printf "%.2f", (o < 0 ? 0 : o) }')"
  GC[$key,$c]="${GC[$key,$c]:-}${GC[$key,$c]:+, }$(gc_pauses "$OUT/gc-$name.log" "$from" "$(now_utc)")"
  RPS[$key,$c]="${RPS[$key,$c]:-} $(rps_of "$f")"
  P50[$key,$c]="${P50[$key,$c]:-} $(to_ms "$(awk '$1 == "50%" {print $2}' "$f")")"
  P99[$key,$c]="${P99[$key,$c]:-} $(to_ms "$(awk '$1 == "99%" {print $2}' "$f")")"
  BAD[$key,$c]=$(( ${BAD[$key,$c]:-0} + $(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$f") ))
}
# med KEY C FIELD: the median of a row's rounds (FIELD: RPS, P50, P99 or CPU).
med() {
  local -n field=$3
  local values; read -r -a values <<< "${field[$1,$2]}"
  printf '%s\n' "${values[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

# ---- (2) backup-mock, a vault and a job ----
# The default budget of 12,000 reads an hour per subscription would turn all but the first 12,000
# requests into 429s; everything else stays at its default (auth on, journal of 2,000 entries and 16 MB, system clock).
printf 'rateLimits: {reads: 2000000000, writes: 2000000000, deletes: 2000000000}\n' >"$OUT/backup-mock.yaml"
[[ -n $JOURNAL ]] && printf 'journalCapacity: %d\n' "$JOURNAL" >>"$OUT/backup-mock.yaml"
server_cmd backup-mock backup-mock - -
log "starting backup-mock"
launch backup-mock "${CMD[@]}" --config "$OUT/backup-mock.yaml"
PID[backup-mock]=$LAUNCHED_PID
url_of backup-mock "$LAUNCHED_PID"; URLS[backup-mock]=$URL

status=$(curl -s -o "$OUT/vault.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"subscriptionId\":\"$SUB\",\"resourceGroup\":\"testVaultRG\",\"name\":\"testVault\"}" \
  "$URL/backupmock/admin/vaults")
[[ $status == 201 ]] || { echo "declaring the vault answered $status" >&2; cat "$OUT/vault.json" >&2; exit 1; }
status=$(curl -s -o "$OUT/created-job.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"script":{"operation":"Backup","tasks":[["Take Snapshot","PT10S"],["Transfer data to vault","PT20S"]]}}' \
  "$URL/backupmock/admin/vaults/$SUB/testVaultRG/testVault/jobs")
[[ $status == 201 ]] || { echo "creating the job answered $status" >&2; cat "$OUT/created-job.json" >&2; exit 1; }
JOB_ID=$(grep -o '"name":"[^"]*"' "$OUT/created-job.json" | head -1 | cut -d'"' -f4)
JOB_PATH="$VAULT_PATH/backupJobs/$JOB_ID?$API"
# A job that runs all day: its answer changes with the clock, so it is rendered on every GET, where a
# finished job's answer is made once and kept. Measured on backup-mock alone, since nothing can replay it.
status=$(curl -s -o "$OUT/running-job.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"script":{"operation":"Backup","tasks":[["Take Snapshot","PT1H"],["Transfer data to vault","PT23H"]]}}' \
  "$URL/backupmock/admin/vaults/$SUB/testVaultRG/testVault/jobs")
[[ $status == 201 ]] || { echo "creating the running job answered $status" >&2; cat "$OUT/running-job.json" >&2; exit 1; }
RUNNING_PATH="$VAULT_PATH/backupJobs/$(grep -o '"name":"[^"]*"' "$OUT/running-job.json" | head -1 | cut -d'"' -f4)?$API"
# A second vault of 200 jobs (one full page), half of them still running: the list-page row.
status=$(curl -s -o "$OUT/page-vault.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"subscriptionId\":\"$SUB\",\"resourceGroup\":\"testVaultRG\",\"name\":\"$PAGE_VAULT\"}" \
  "$URL/backupmock/admin/vaults")
[[ $status == 201 ]] || { echo "declaring the page vault answered $status" >&2; exit 1; }
for i in $(seq 1 200); do
  d=PT1S; ((i % 2)) && d=PT24H
  printf '{"script":{"operation":"Backup","tasks":[["Take Snapshot","%s"]]}}\n' "$d"
done | while read -r body; do
  curl -s -o /dev/null -w '%{http_code}\n' -H 'Content-Type: application/json' -d "$body" \
    "$URL/backupmock/admin/vaults/$SUB/testVaultRG/$PAGE_VAULT/jobs"
done | sort | uniq -c | awk '$2 == 201 { made = $1 } END { exit made != 200 }' || { echo "making the page's jobs failed" >&2; exit 1; }
log "job $JOB_ID created; it runs 30 s (system clock): backup-mock warms up on it meanwhile"
warm backup-mock 31 "$WARMUP_MAX"   # at least until the job has completed and its answer is fixed

status=$(curl -s -D "$OUT/job.headers" -o "$OUT/job.json" -w '%{http_code}' -H "$TOKEN" "${URLS[backup-mock]}$JOB_PATH")
[[ $status == 200 ]] || { echo "GET of the job answered $status" >&2; exit 1; }
grep -q '"status":"Completed"' "$OUT/job.json" || { echo "the job has not completed:" >&2; cat "$OUT/job.json" >&2; exit 1; }
BODY_BYTES=$(wc -c <"$OUT/job.json")
log "captured the job's answer: $BODY_BYTES bytes of body, $(grep -c ':' "$OUT/job.headers") headers"

# ---- (3) the two others, replaying those bytes ----
for name in bare wiremock; do
  server_cmd "$name" "$name" "$OUT/job.json" "$OUT/job.headers"
  log "starting $name"
  launch "$name" "${CMD[@]}"; PID[$name]=$LAUNCHED_PID
  url_of "$name" "$LAUNCHED_PID"; URLS[$name]=$URL
  max=$WARMUP_MAX
  warm "$name" "$WARMUP_MIN" "$max"
done
curl -s -o "$OUT/running.check" -H "$TOKEN" "${URLS[backup-mock]}$RUNNING_PATH"
for name in "${SERVERS[@]}"; do
  curl -s -o "$OUT/$name.check" -H "$TOKEN" "${URLS[$name]}$JOB_PATH"
  if cmp -s "$OUT/$name.check" "$OUT/job.json"; then SAME[$name]=yes; else SAME[$name]=NO; fi
done

curl -s -o "$OUT/page.json" -H "$TOKEN" "${URLS[backup-mock]}$PAGE_PATH"
PAGE_JOBS=$(grep -o '"jobType"' "$OUT/page.json" | wc -l || true)
((PAGE_JOBS == 200)) || { echo "the page holds $PAGE_JOBS jobs, not 200" >&2; exit 1; }

# ---- (4) interleaved rounds: every row once per round, in turn ----
ROWS=(backup-mock running bare wiremock)
declare -A ROW_SERVER=([backup-mock]=backup-mock [running]=backup-mock [bare]=bare [wiremock]=wiremock)
declare -A ROW_PATH=([running]="$RUNNING_PATH")
$JFR && jcmd "${PID[backup-mock]}" JFR.start name=measured settings=default >/dev/null
for ROUND in $(seq 1 "$ROUNDS"); do
  for c in "${CONNS[@]}"; do
    for row in "${ROWS[@]}"; do measure "${ROW_SERVER[$row]}" "$c" "$row" "${ROW_PATH[$row]:-$JOB_PATH}"; done
  done
  measure backup-mock "${CONNS[-1]}" page "$PAGE_PATH"
done
$JFR && jcmd "${PID[backup-mock]}" JFR.stop name=measured filename="$PWD/$OUT/backup-mock.jfr" >/dev/null
for name in "${SERVERS[@]}"; do
  RSS[$name]=$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/${PID[$name]}/status")
done
for name in "${SERVERS[@]}"; do stop_pid "${PID[$name]}"; done

# ---- (5) a freshly started backup-mock: FRESH_WARMUP s of load on a running job, then one row ----
# fresh KEY IDLE LOAD PROPS...: starts backup-mock with the JVM properties PROPS, makes a vault and a
# running job, leaves it idle IDLE s, loads it for LOAD s, then measures a row under KEY (nothing else
# running; its ratio is to bare Undertow's median in the rounds).
fresh() {
  local key=$1 idle=$2 load=$3; shift 3
  BM_PROPS=("$@"); server_cmd backup-mock "$key" - -; BM_PROPS=()
  log "$key: a fresh backup-mock ${*:-with its defaults}"
  launch "$key" "${CMD[@]}" --config "$OUT/backup-mock.yaml"; PID[$key]=$LAUNCHED_PID
  url_of "$key" "$LAUNCHED_PID"; URLS[$key]=$URL
  curl -s -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"subscriptionId\":\"$SUB\",\"resourceGroup\":\"testVaultRG\",\"name\":\"testVault\"}" "$URL/backupmock/admin/vaults"
  local id
  id=$(curl -s -H 'Content-Type: application/json' \
    -d '{"script":{"operation":"Backup","tasks":[["Take Snapshot","PT1H"],["Transfer data to vault","PT23H"]]}}' \
    "$URL/backupmock/admin/vaults/$SUB/testVaultRG/testVault/jobs" | grep -o '"name":"[^"]*"' | head -1 | cut -d'"' -f4)
  ((idle > 0)) && nap "$idle"
  ((load > 0)) && wrk -t$THREADS -c"${CONNS[-1]}" -d"${load}s" -H "$TOKEN" "$URL$VAULT_PATH/backupJobs/$id?$API" >"$OUT/wrk-$key-warmup.txt"
  measure "$key" "${CONNS[-1]}" "$key" "$VAULT_PATH/backupJobs/$id?$API"
  stop_pid "${PID[$key]}"
}
FRESH_KEYS=(fresh fresh-cold idle idle-cold)
for ((ROUND = 1; ROUND <= FRESH_RUNS; ROUND++)); do
  fresh fresh 0 "$FRESH_WARMUP" -Dbackupmock.warmUp=true
  fresh fresh-cold 0 "$FRESH_WARMUP"
  fresh idle "$FRESH_WARMUP" 0 -Dbackupmock.warmUp=true
  fresh idle-cold "$FRESH_WARMUP" 0
done
unset ROUND

# ---- report ----
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'; }
fmt_int() { printf '%d' "${1%.*}" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta'; }
verdict() { if awk "BEGIN { exit !($1) }"; then echo met; else echo "**missed**"; fi; }
declare -A LABEL=([backup-mock]="backup-mock, a finished job (its answer kept)${JOURNAL:+, journal of $JOURNAL}"
                  [running]="backup-mock, a job still running (its answer made on every GET)${JOURNAL:+, journal of $JOURNAL}"
                  [bare]="bare Undertow (same bytes)" [wiremock]="WireMock 3.13.2 (one stub, tuned)")
FIRST=${CONNS[0]}; LAST=${CONNS[-1]}
declare -A M
for row in "${ROWS[@]}"; do for c in "${CONNS[@]}"; do M[$row,$c]=$(med "$row" "$c" RPS); done; done
M[page,$LAST]=$(med page "$LAST" RPS)
for key in "${FRESH_KEYS[@]}"; do M[$key,$LAST]=$(med "$key" "$LAST" RPS); done
PAGE_BYTES=$(wc -c <"$OUT/page.json")

echo
echo "### backup-mock vs bare Undertow vs WireMock"
echo
echo "\`GET …/backupJobs/{jobId}?api-version=2019-05-13\` over plain HTTP on 127.0.0.1, keep-alive,"
echo "\`Authorization: Bearer x\`, the same $BODY_BYTES-byte body and headers from all three. $(nproc) cores shared by"
echo "the servers and wrk ($THREADS threads); JVM flags \`${JVM[*]}\`; $(java -version 2>&1 | head -1 | tr -d '"');"
echo "$(wrk -v 2>&1 | head -1 | awk '{print $1, $2}'). All servers up at once, each warmed until its throughput stopped rising"
echo "($(for n in "${SERVERS[@]}"; do printf '%s %s s, ' "$n" "${WARM[$n]}"; done | sed 's/, $//')), then $ROUNDS interleaved rounds of $DURATION"
echo "per row; figures are medians of the rounds, ratios are ratios of medians."
echo
echo "| row | connections | requests/s (median) | each round | p50 (ms) | p99 (ms) | errors, non-2xx | GC pauses per round (ms, total / longest) | server CPU per request (µs, median) | other work each round (cores) |"
echo "|---|---:|---:|---|---:|---:|---:|---|---:|---|"
for row in "${ROWS[@]}"; do
  for c in "${CONNS[@]}"; do
    echo "| ${LABEL[$row]} | $c | $(fmt_int "${M[$row,$c]}") | $(for v in ${RPS[$row,$c]}; do printf '%s ' "$(fmt_int "$v")"; done) | $(med "$row" "$c" P50) | $(med "$row" "$c" P99) | ${BAD[$row,$c]} | ${GC[$row,$c]} | $(med "$row" "$c" CPU) | ${OTHERS[$row,$c]} |"
  done
done
echo "| backup-mock, the first page of a 200-job list ($PAGE_JOBS jobs, $PAGE_BYTES bytes) | $LAST | $(fmt_int "${M[page,$LAST]}") pages/s | $(for v in ${RPS[page,$LAST]}; do printf '%s ' "$(fmt_int "$v")"; done) | $(med page "$LAST" P50) | $(med page "$LAST" P99) | ${BAD[page,$LAST]} | ${GC[page,$LAST]} | $(med page "$LAST" CPU) | ${OTHERS[page,$LAST]} |"
echo
echo "| connections | finished job / bare | running job / bare | finished job / WireMock | running job / WireMock | p99 finished / bare | p99 running / bare | CPU per request, bare / finished job | bare / running job |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for c in "${CONNS[@]}"; do
  echo "| $c | $(ratio "${M[backup-mock,$c]}" "${M[bare,$c]}") | $(ratio "${M[running,$c]}" "${M[bare,$c]}") | $(ratio "${M[backup-mock,$c]}" "${M[wiremock,$c]}") | $(ratio "${M[running,$c]}" "${M[wiremock,$c]}") | $(ratio "$(med backup-mock "$c" P99)" "$(med bare "$c" P99)") | $(ratio "$(med running "$c" P99)" "$(med bare "$c" P99)") | $(ratio "$(med bare "$c" CPU)" "$(med backup-mock "$c" CPU)") | $(ratio "$(med bare "$c" CPU)" "$(med running "$c" CPU)") |"
done
echo
echo "| a freshly started backup-mock, a running job, measured for $DURATION ($FRESH_RUNS starts of each) | requests/s (median) | each start | / bare Undertow (median) |"
echo "|---|---:|---|---:|"
declare -A FRESH_LABEL=([fresh]="after ${FRESH_WARMUP} s of load, with its own warm-up (\`-Dbackupmock.warmUp=true\`)"
  [fresh-cold]="after ${FRESH_WARMUP} s of load, without it (the default)"
  [idle]="after ${FRESH_WARMUP} s idle, with its own warm-up" [idle-cold]="after ${FRESH_WARMUP} s idle, without it")
for key in "${FRESH_KEYS[@]}"; do
  echo "| ${FRESH_LABEL[$key]} | $(fmt_int "${M[$key,$LAST]}") |$(for v in ${RPS[$key,$LAST]}; do printf ' %s' "$(fmt_int "$v")"; done) | $(ratio "${M[$key,$LAST]}" "${M[bare,$LAST]}") |"
done
echo
echo "| server | warm-up (s) | RSS after the rounds (MB) | answer as captured |"
echo "|---|---:|---:|---|"
for name in "${SERVERS[@]}"; do
  echo "| ${LABEL[$name]} | ${WARM[$name]} | ${RSS[$name]} | ${SAME[$name]} |"
done
echo
declare -A MED
echo "| start-up variant | JVM start → first 200 (ms, median of $START_RUNS) | runs (ms) |"
echo "|---|---:|---|"
for variant in "${STARTS[@]}"; do
  read -r -a runs <<< "${START[$variant]}"
  MED[$variant]=$(median "${runs[@]}")
  echo "| ${START_LABEL[$variant]} | ${MED[$variant]} | ${runs[*]} |"
done
echo
delta() { local d=$(($1 - $2)); ((d >= 0)) && echo "+$d" || echo "$d"; }
echo "Targets at $LAST connections: a running job ≥ 0.85 of bare Undertow: $(verdict "$(ratio "${M[running,$LAST]}" "${M[bare,$LAST]}") >= 0.85")"
echo "($(ratio "${M[running,$LAST]}" "${M[bare,$LAST]}")) and ≥ 5× WireMock: $(verdict "$(ratio "${M[running,$LAST]}" "${M[wiremock,$LAST]}") >= 5") ($(ratio "${M[running,$LAST]}" "${M[wiremock,$LAST]}"));"
echo "a finished job ≥ 0.90 of bare: $(verdict "$(ratio "${M[backup-mock,$LAST]}" "${M[bare,$LAST]}") >= 0.90") ($(ratio "${M[backup-mock,$LAST]}" "${M[bare,$LAST]}"));"
echo "a fresh start after ${FRESH_WARMUP} s of load ≥ 0.6 of bare: $(verdict "$(ratio "${M[fresh-cold,$LAST]}" "${M[bare,$LAST]}") >= 0.6") ($(ratio "${M[fresh-cold,$LAST]}" "${M[bare,$LAST]}");"
echo "with the warm-up on, $(ratio "${M[fresh,$LAST]}" "${M[bare,$LAST]}"));"
echo "a 200-job page ≥ 5,000 pages/s: $(verdict "${M[page,$LAST]} >= 5000") ($(fmt_int "${M[page,$LAST]}"));"
echo "JVM start → first 200 within 150 ms of bare Undertow, like for like: with a class-data archive each"
echo "$(verdict "${MED[bm-archive]} - ${MED[bare-archive]} <= 150") ($(delta "${MED[bm-archive]}" "${MED[bare-archive]}") ms); without one each $(verdict "${MED[bm-plain]} - ${MED[bare]} <= 150") ($(delta "${MED[bm-plain]}" "${MED[bare]}") ms);"
echo "backup-mock as the README starts it next to a plain bare Undertow: $(delta "${MED[bm-archive]}" "${MED[bare]}") ms."
echo "The running job's body is $(wc -c <"$OUT/running.check") bytes, the finished job's $BODY_BYTES."
echo
echo "backup-mock runs with its defaults (bearer token required, request journal of ${JOURNAL:-2000} entries, system clock, HTTPS"
echo "listener beside the HTTP one) except a raised rate limit: the default 12,000 reads an hour would answer 429"
echo "after the first 12,000 requests. Bare Undertow and WireMock replay the body and headers backup-mock sent."
echo "WireMock is tuned as its docs advise for load: request journal off (by default it keeps every request, its heap"
echo "fills and its GC then slows whatever row comes next), stub request logging off; otherwise its defaults:"
echo "chunked transfer encoding, a Matched-Stub-Id header;"
echo "its stub matches the path by regex and api-version by equality. Start-up polls every 5 ms from launch"
echo "(\`GET …/backupJobs\`, a job list, for backup-mock and bare Undertow; the stubbed job GET for WireMock)"
echo "over plain HTTP; the archives are recorded by one start and a few requests (backup-mock's by the build)."
log "raw outputs in $OUT"
