#!/usr/bin/env python3
"""Splits a Flight Recorder recording of backup-mock under load by the layer of the request path.

Usage: bench/jfr-layers.py RECORDING.jfr [REQUESTS [SAMPLE_MS]]
Reads CPU samples (jdk.ExecutionSample) and allocation samples (jdk.ObjectAllocationSample, weighted)
through the JDK's `jfr print --json`; each sample goes to the innermost frame of backup-mock's own code
on its stack (Jackson, Undertow and the JDK beneath it count for the layer that called them), or to
"HTTP server (Undertow, XNIO)" when there is none. With REQUESTS (served while recording), also prints
CPU per request (samples times SAMPLE_MS, the sampling period, 1 by default; an estimate: a sample is
taken only of a thread running Java code) and bytes allocated per request: the I/O threads' own counters (jdk.ThreadAllocationStatistics) give the
total, the sampled allocations (noisy: a sample stands for a whole buffer's worth) split it.
"""
import json
import subprocess
import sys
from collections import Counter

LAYERS = [  # (frame prefix, layer), first match wins: method names before class names
    ("io.backupmock.server.gateway.Responding.record", "journal (record)"),
    ("io.backupmock.server.journal.", "journal (record)"),
    ("io.backupmock.server.gateway.Responding.prepare", "send (status, headers)"),
    ("io.backupmock.server.gateway.Responding", "send"),
    ("io.backupmock.server.gateway.ArmHeaders", "ARM headers and ids"),
    ("io.backupmock.server.gateway.Ids", "ARM headers and ids"),
    ("io.backupmock.server.gateway.SecondStamps", "ARM headers and ids"),
    ("io.backupmock.server.gateway.BearerAuth", "auth"),
    ("io.backupmock.server.gateway.ApiVersionCheck", "api-version"),
    ("io.backupmock.server.state.ApiVersionPolicy", "api-version"),
    ("io.backupmock.server.gateway.Routing", "routing"),
    ("io.backupmock.server.gateway.Router", "routing"),
    ("io.backupmock.server.gateway.OutsideArm", "routing"),
    ("io.backupmock.server.gateway.RouteRequired", "routing"),
    ("io.backupmock.server.gateway.AdminBranch", "routing"),
    ("io.backupmock.server.gateway.SubscriptionCheck", "routing"),
    ("io.backupmock.server.gateway.Subscriptions", "routing"),
    ("io.backupmock.server.gateway.RateLimiting", "rate limit"),
    ("io.backupmock.server.throttling.", "rate limit"),
    ("io.backupmock.server.gateway.FaultInjection", "faults"),
    ("io.backupmock.server.faults.", "faults"),
    ("io.backupmock.server.gateway.SelfCheck", "self-check"),
    ("io.backupmock.contracts.", "self-check"),
    ("io.backupmock.server.wire.", "rendering (wire)"),
    ("io.backupmock.server.operations.JobTemplates", "rendering (wire)"),
    ("io.backupmock.server.gateway.ApiResponse.bodyBytes", "rendering (wire)"),
    ("io.backupmock.server.jobs.", "the model's snapshot"),
    ("io.backupmock.server.tenancy.", "the model's snapshot"),
    ("io.backupmock.server.operations.", "the model's snapshot"),
    ("io.backupmock.server.clock.", "the model's snapshot"),
    ("io.backupmock.server.gateway.RequestTarget", "request context (target, query)"),
    ("io.backupmock.server.gateway.RequestContext", "request context (target, query)"),
    ("io.backupmock.server.gateway.BodyReading", "request context (target, query)"),
    ("io.backupmock.server.edge.", "edge"),
    ("io.backupmock.server.dashboard.", "edge"),
    ("io.backupmock.", "gateway, other"),
]


def layer_of(frames):
    for f in frames:  # innermost first
        m = f.get("method", {})
        name = m.get("type", {}).get("name", "").replace("/", ".") + "." + m.get("name", "")
        if name.startswith("io.backupmock."):
            for prefix, layer in LAYERS:
                if name.startswith(prefix):
                    return layer
    return "HTTP server (Undertow, XNIO)"


def events(path, name):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "96", "--events", name, path],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def thread_of(e):
    v = e["values"]
    t = v.get("sampledThread") or v.get("eventThread") or v.get("thread") or {}
    return (t or {}).get("javaName") or ""


def main():
    path = sys.argv[1]
    requests = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    sample_us = 1000 * float(sys.argv[3]) if len(sys.argv) > 3 else 1000.0
    cpu = Counter()
    for e in events(path, "jdk.ExecutionSample"):
        if "XNIO" not in thread_of(e):
            continue
        cpu[layer_of(e["values"]["stackTrace"]["frames"])] += 1
    alloc = Counter()
    started = set()
    for e in sorted(events(path, "jdk.ObjectAllocationSample"), key=lambda e: e["values"]["startTime"]):
        if "XNIO" not in thread_of(e) or not e["values"].get("stackTrace"):
            continue
        if thread_of(e) not in started:
            # A thread's first sample weighs all it allocated since before the recording began.
            started.add(thread_of(e))
            continue
        alloc[layer_of(e["values"]["stackTrace"]["frames"])] += e["values"]["weight"]
    measured = {}
    for e in events(path, "jdk.ThreadAllocationStatistics"):
        t = thread_of(e)
        if "XNIO" in t:
            lo, hi = measured.get(t, (None, 0))
            a = e["values"]["allocated"]
            measured[t] = (a if lo is None else min(lo, a), max(hi, a))
    exact = sum(hi - lo for lo, hi in measured.values())
    total_cpu = sum(cpu.values()) or 1
    total_alloc = sum(alloc.values()) or 1
    per = (" | CPU µs per request | bytes per request" if requests else "")
    print("| layer | CPU samples (I/O threads) | share of CPU | share of allocation" + per + " |")
    print("|---|---:|---:|---:|" + ("---:|---:|" if requests else ""))
    for layer in sorted(set(cpu) | set(alloc), key=lambda l: -cpu[l]):
        row = f"| {layer} | {cpu[layer]} | {100 * cpu[layer] / total_cpu:.1f} % | {100 * alloc[layer] / total_alloc:.1f} %"
        if requests:
            row += f" | {cpu[layer] * sample_us / requests:.2f} | {exact * alloc[layer] / total_alloc / requests:.0f}"
        print(row + " |")
    # Sampled weights only split the allocation; its size per request comes from the threads' own counters.
    tail = f" | {sum(cpu.values()) * sample_us / requests:.2f} | {exact / requests:.0f}" if requests else ""
    print(f"| total | {sum(cpu.values())} | 100 % | 100 %{tail} |")


if __name__ == "__main__":
    main()
