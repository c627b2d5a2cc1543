#!/usr/bin/env bash
# Where a running job's GET spends its time: starts the standalone jar (plain HTTP, rate limits
# raised, everything else at its defaults), makes a job that runs all day, warms it up with wrk,
# then records a Flight Recorder profile (the JDK's profile settings, sampling Java code every
# millisecond, and allocations) during one more wrk run and splits it by the layer of the request
# path (bench/jfr-layers.py): CPU and bytes per request, per layer.
#
# Usage: bench/profile-running-job.sh [--finished]
#   --finished   profile a finished job's GET instead (its answer is kept)
# Environment: BM_JAR (server/target/backup-mock.jar: another build, to compare), JVM_FLAGS (default
#   -Xmx512m), WARMUP (15, seconds), DURATION (10, seconds), CONNECTIONS (64).
# Prints Markdown; the recording and wrk's output go to bench/target/profile/<time>/.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$(dirname "$HERE")"
FINISHED=false
while (($#)); do
  case "$1" in
    --finished) FINISHED=true ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
read -r -a JVM <<< "${JVM_FLAGS:--Xmx512m}"
WARMUP=${WARMUP:-15}; DURATION=${DURATION:-10}; C=${CONNECTIONS:-64}
SUB=00000000-0000-0000-0000-000000000000
VAULT_PATH=/subscriptions/$SUB/resourceGroups/testVaultRG/providers/Microsoft.RecoveryServices/vaults/testVault
OUT=bench/target/profile/$(date +%Y%m%d-%H%M%S); mkdir -p "$OUT"
BM_JAR=${BM_JAR:-server/target/backup-mock.jar}
[[ -f $BM_JAR ]] || mvn -q -B -DskipTests package
printf 'rateLimits: {reads: 2000000000, writes: 2000000000, deletes: 2000000000}\n' >"$OUT/backup-mock.yaml"
java "${JVM[@]}" -jar "$BM_JAR" --no-https --http-port 0 --config "$OUT/backup-mock.yaml" \
  >"$OUT/backup-mock.out" 2>"$OUT/backup-mock.err" &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
URL=
for _ in $(seq 1 300); do
  URL=$(grep -o '^http://[^ ]*' "$OUT/backup-mock.out" | head -1 || true); [[ -n $URL ]] && break; sleep 0.1
done
[[ -n $URL ]] || { echo "backup-mock printed no URL" >&2; cat "$OUT/backup-mock.err" >&2; exit 1; }
curl -sf -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"subscriptionId\":\"$SUB\",\"resourceGroup\":\"testVaultRG\",\"name\":\"testVault\"}" "$URL/backupmock/admin/vaults"
tasks='[["Take Snapshot","PT1H"],["Transfer data to vault","PT23H"]]'
$FINISHED && tasks='[["Take Snapshot","PT0S"]]'
JOB=$(curl -sf -H 'Content-Type: application/json' -d "{\"script\":{\"operation\":\"Backup\",\"tasks\":$tasks}}" \
  "$URL/backupmock/admin/vaults/$SUB/testVaultRG/testVault/jobs" | grep -o '"name":"[^"]*"' | head -1 | cut -d'"' -f4)
TARGET="$URL$VAULT_PATH/backupJobs/$JOB?api-version=2019-05-13"
wrk -t2 -c"$C" -d"${WARMUP}s" -H 'Authorization: Bearer x' "$TARGET" >"$OUT/wrk-warmup.txt"
# The JDK's "profile" settings, sampling Java code every millisecond (not 10) and allocations 10 times as often.
JFC=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc
sed -e 's|<setting name="period" control="method-sampling-java-interval">10 ms</setting>|<setting name="period" control="method-sampling-java-interval">1 ms</setting>|' \
  -e 's|<setting name="throttle" control="allocation-profiling">300/s</setting>|<setting name="throttle" control="allocation-profiling">3000/s</setting>|' \
  "$JFC" >"$OUT/profile-1ms.jfc"
jcmd $PID JFR.start name=p settings="$PWD/$OUT/profile-1ms.jfc" >/dev/null
wrk -t2 -c"$C" -d"${DURATION}s" -H 'Authorization: Bearer x' "$TARGET" >"$OUT/wrk.txt"
jcmd $PID JFR.stop name=p filename="$PWD/$OUT/running-job.jfr" >/dev/null
REQS=$(awk '/requests in/ {print $1}' "$OUT/wrk.txt")
echo "$( $FINISHED && echo finished || echo running) job, $C connections, $(awk '/^Requests\/sec:/ {print $2}' "$OUT/wrk.txt") requests/s while recording ($REQS requests)"
echo
python3 "$HERE/jfr-layers.py" "$OUT/running-job.jfr" "$REQS"
echo "recording in $OUT" >&2
