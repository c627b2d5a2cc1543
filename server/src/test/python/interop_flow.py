#!/usr/bin/python3
"""Interop check: drive the job-tracking emulator with the official Azure SDK for Python.

Uses the unmodified azure-mgmt-recoveryservicesbackup 5.1.0b3 (Debian python3-azure,
api-version 2022-09-01-preview) against a running emulator and checks:

  1. protected_items.get returns the (auto-created) IaaS VM item with a protectionState;
  2. backups.trigger answers 202 with absolute Azure-AsyncOperation / Location URLs and an
     integer Retry-After;
  3. the operation status reads the same (Succeeded + jobId) through the item route, the vault
     route (backupOperations, used by `az backup protection backup-now`) and the verbatim
     Azure-AsyncOperation URL (raw `;` in the path);
  4. job_details.get deserializes to an AzureIaaSVMJob (duration as timedelta, task list) and the
     job progresses InProgress -> Completed;
  5-6. backup_jobs.list follows nextLink across pages (server page size 2), is newest first, and
     honours $filter on status, operation, backupManagementType, jobId and the Azure CLI's
     12-hour startTime/endTime window;
  7. job_cancellations.trigger + job_operation_results (202 then 204) cancel a running job, and
     cancelling a finished job is a 400;
  8. an unknown job id is a 404 whose ARM error code the SDK surfaces;
  9. jobs.export + export_jobs_operation_results yield an ExportJobsOperationResultInfo blob.

The emulator's virtual clock advances 5 s per request, so this script never sleeps: it polls,
giving up after MAX_POLLS requests.

By default the SDK's retries are off, so any error surfaces at once. With --retries the client
keeps azure-core's RetryPolicy as the SDK ships it (the run under injected 429s and 503s), its
backoff between consecutive failures of one request shortened from 0.8 s to 10 ms.

Usage: /usr/bin/python3 interop_flow.py BASE_URL CA_PEM_FILE [--retries]
"""
import datetime
import re
import sys
import time
import traceback
import uuid
from urllib.parse import unquote, urlparse

from azure.core.credentials import AccessToken
from azure.core.exceptions import HttpResponseError
from azure.core.rest import HttpRequest
from azure.mgmt.recoveryservicesbackup.activestamp import RecoveryServicesBackupClient
from azure.mgmt.recoveryservicesbackup.activestamp.models import (
    AzureIaaSVMJob,
    BackupRequestResource,
    ExportJobsOperationResultInfo,
    IaasVMBackupRequest,
    OperationStatusJobExtendedInfo,
)

RG, VAULT, FABRIC = "testVaultRG", "testVault", "Azure"
CONTAINER = "IaasVMContainer;iaasvmcontainerv2;testRG;testVM"
ITEM = "VM;iaasvmcontainerv2;testRG;testVM"
MAX_POLLS = 200
CLI_DATE_FMT = "%Y-%m-%d %I:%M:%S %p"  # what `az backup job list` puts in startTime/endTime
GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)

passed = 0


def check(cond, step, details=""):
    global passed
    if not cond:
        print(f"FAIL {step}: {details}", flush=True)
        sys.exit(1)
    passed += 1
    print(f"ok   {step}", flush=True)


class DummyCredential:
    def get_token(self, *scopes, **kwargs):
        return AccessToken("dummy-token", int(time.time()) + 3600)


def response_headers(pipeline_response, deserialized, headers):
    """cls= callback. The generated code passes headers={} for these operations, so read them
    from the raw HTTP response instead."""
    return pipeline_response.http_response.headers


def status_and_body(pipeline_response, deserialized, headers):
    return pipeline_response.http_response.status_code, deserialized


def last_segment(url):
    return urlparse(url).path.rstrip("/").rsplit("/", 1)[-1]


def poll(fetch, done, step):
    """Call fetch() until done(result). No sleep: each request moves the server clock 5 s."""
    result = None
    for _ in range(MAX_POLLS):
        result = fetch()
        if done(result):
            return result
    check(False, step, f"still not done after {MAX_POLLS} polls, last: {result}")


def expect_http_error(call, status, step):
    try:
        call()
    except HttpResponseError as e:
        code = getattr(e.error, "code", None)
        check(e.status_code == status and isinstance(code, str) and code,
              f"{step} -> HTTP {status} with ARM error code ({code})",
              f"status {e.status_code}, error {e.error!r}, message {e.message!r}")
        return e
    check(False, step, f"expected HTTP {status}, call succeeded")


class Flow:
    def __init__(self, base_url, ca_file, retries=False):
        self.base = base_url.rstrip("/")
        # Without retries, server errors surface at once instead of being retried with sleeps.
        options = {"retry_backoff_factor": 0.01} if retries else {"retry_total": 0}
        self.client = RecoveryServicesBackupClient(
            DummyCredential(), str(uuid.uuid4()),
            base_url=self.base, connection_verify=ca_file, **options)

    # ---- helpers -----------------------------------------------------------------------
    def raw_get(self, url):
        """GET an absolute URL verbatim through the SDK pipeline (auth, TLS settings)."""
        return self.client._send_request(HttpRequest("GET", url))

    def item_op_status(self, op_id):
        return self.client.protected_item_operation_statuses.get(
            VAULT, RG, FABRIC, CONTAINER, ITEM, op_id)

    def trigger_backup(self):
        return self.client.backups.trigger(
            VAULT, RG, FABRIC, CONTAINER, ITEM,
            BackupRequestResource(properties=IaasVMBackupRequest()), cls=response_headers)

    def job_of_op(self, op_id, step, first=None):
        st = first or self.item_op_status(op_id)
        if st.status == "InProgress":
            st = poll(lambda: self.item_op_status(op_id), lambda s: s.status != "InProgress", step)
        props = st.properties
        check(st.status == "Succeeded" and isinstance(props, OperationStatusJobExtendedInfo)
              and GUID.match(props.job_id or ""),
              f"{step}: operation Succeeded with jobId {getattr(props, 'job_id', None)}",
              f"status {st.status}, properties {props!r}")
        return props.job_id

    def backup_job(self, step):
        headers = self.trigger_backup()
        return self.job_of_op(last_segment(headers["Azure-AsyncOperation"]), step)

    def job(self, job_id):
        return self.client.job_details.get(VAULT, RG, job_id)

    def list_jobs(self, flt=None):
        """All jobs across pages (the SDK follows nextLink) and the number of pages."""
        jobs, pages = [], 0
        for page in self.client.backup_jobs.list(VAULT, RG, filter=flt).by_page():
            pages += 1
            jobs.extend(page)
        return jobs, pages

    # ---- steps -------------------------------------------------------------------------
    def run(self):
        c = self.client
        item = c.protected_items.get(VAULT, RG, FABRIC, CONTAINER, ITEM)
        check(item.name == ITEM and getattr(item.properties, "protection_state", None),
              f"1 protected_items.get: {item.name}, protectionState "
              f"{getattr(item.properties, 'protection_state', None)}",
              f"name {item.name!r}, properties {item.properties!r}")

        h = self.trigger_backup()
        async_url, location, retry = (h.get("Azure-AsyncOperation"), h.get("Location"),
                                      h.get("Retry-After"))
        check(all(u and u.startswith(self.base + "/") for u in (async_url, location))
              and (retry or "").isdigit(),
              "2 backups.trigger: 202 with absolute Azure-AsyncOperation, Location, Retry-After",
              f"headers {dict(h)}")
        check(f"/protectedItems/{ITEM}/operationsStatus/".lower() in unquote(async_url).lower()
              and f"/protectedItems/{ITEM}/operationResults/".lower() in unquote(location).lower(),
              "2 trigger URLs point at the item's operationsStatus / operationResults",
              f"{async_url} / {location}")
        op_id = last_segment(async_url)
        check(last_segment(location) == op_id, f"2 both URLs carry operation id {op_id}", location)

        # (a) item route. The op is InProgress for only 2 virtual seconds and every request
        # moves the clock 5 s, so the first read may already be Succeeded.
        first = self.item_op_status(op_id)
        if first.status == "InProgress":
            check(first.properties is None and (first.end_time is None or first.end_time.year == 1),
                  "3a first op-status read InProgress, no properties, sentinel endTime",
                  f"properties {first.properties!r}, endTime {first.end_time}")
        else:
            check(first.status == "Succeeded",
                  "3a first op-status read already Succeeded (2 s window < 5 s per request)",
                  f"status {first.status}")
        job1 = self.job_of_op(op_id, "3a protected_item_operation_statuses.get", first)

        # Read the job while it runs (30 s = 6 requests), before the other status checks.
        j = self.job(job1)
        p = j.properties
        check(isinstance(p, AzureIaaSVMJob) and p.job_type == "AzureIaaSVMJob",
              "4 job_details.get deserializes to AzureIaaSVMJob", f"{type(p).__name__} {p!r}")
        check(j.name == job1 and (j.id or "").endswith(f"/backupJobs/{job1}"),
              "4 job resource name / id", f"name {j.name}, id {j.id}")
        check(p.status == "InProgress" and "Cancellable" in (p.actions_info or []),
              "4 first job read: InProgress, actionsInfo has Cancellable",
              f"status {p.status}, actionsInfo {p.actions_info}")
        check(p.operation == "Backup" and p.backup_management_type == "AzureIaasVM"
              and isinstance(p.start_time, datetime.datetime)
              and isinstance(p.duration, datetime.timedelta),
              f"4 operation Backup, AzureIaasVM, startTime datetime, duration {p.duration}",
              f"operation {p.operation}, bmt {p.backup_management_type}, "
              f"start {p.start_time!r}, duration {p.duration!r}")
        tasks = [t.task_id for t in (p.extended_info.tasks_list if p.extended_info else None) or []]
        check({"Take Snapshot", "Transfer data to vault"} <= set(tasks),
              "4 extendedInfo.tasksList has Take Snapshot, Transfer data to vault", f"{tasks}")

        st = c.backup_operation_statuses.get(VAULT, RG, op_id)
        check(st.status == "Succeeded" and getattr(st.properties, "job_id", None) == job1,
              "3b backup_operation_statuses.get (vault route) Succeeded, same jobId",
              f"{st!r}")
        raw = self.raw_get(async_url)
        body = raw.json() if raw.status_code == 200 else {}
        check(raw.status_code == 200 and body.get("status") == "Succeeded"
              and (body.get("properties") or {}).get("jobId") == job1,
              "3c GET Azure-AsyncOperation URL verbatim: Succeeded, same jobId",
              f"HTTP {raw.status_code} {raw.text()[:300]}")
        res = c.protected_item_operation_results.get(VAULT, RG, FABRIC, CONTAINER, ITEM, op_id,
                                                     cls=status_and_body)
        check(res[0] in (200, 202, 204), f"3d protected_item_operation_results.get: HTTP {res[0]}",
              f"{res}")

        p = poll(lambda: self.job(job1).properties, lambda q: q.status != "InProgress", "4 poll job")
        check(p.status == "Completed" and p.end_time and p.end_time > p.start_time,
              f"4 job Completed, endTime {p.end_time}", f"status {p.status}, end {p.end_time}")
        check(all(t.status == "Completed" for t in p.extended_info.tasks_list),
              "4 all tasks Completed", f"{[(t.task_id, t.status) for t in p.extended_info.tasks_list]}")

        job2 = self.backup_job("5 second backup")
        job3 = self.backup_job("5 third backup")
        check(len({job1, job2, job3}) == 3, "5 three distinct job ids", f"{job1} {job2} {job3}")
        self.lists(job1, job2, job3)
        self.cancel(job1)

        expect_http_error(lambda: self.job(str(uuid.uuid4())), 404, "8 job_details.get unknown job")

        h = c.jobs.export(VAULT, RG, cls=response_headers)
        loc = h.get("Location") or ""
        check(loc.startswith(self.base + "/") and "/backupJobs/operationResults/" in loc,
              "9 jobs.export: 202 with Location .../backupJobs/operationResults/{op}", f"{dict(h)}")
        export_op = last_segment(loc)
        code, res = poll(lambda: c.export_jobs_operation_results.get(VAULT, RG, export_op,
                                                                     cls=status_and_body),
                         lambda r: isinstance(getattr(r[1], "operation", None),
                                              ExportJobsOperationResultInfo)
                         and r[1].operation.blob_url, "9 poll export result")
        check(code == 200 and res.operation.blob_sas_key,
              f"9 export_jobs_operation_results: HTTP 200, blobUrl {res.operation.blob_url}",
              f"HTTP {code}, {res.operation!r}")

    def lists(self, job1, job2, job3):
        mine = {job1, job2, job3}

        def names(jobs):
            return [j.name for j in jobs]

        # First, while job3 (started ~10 virtual seconds ago, runs 30 s) is surely running.
        jobs, _ = self.list_jobs("status eq 'InProgress'")
        check(job3 in names(jobs) and job1 not in names(jobs)
              and all(j.properties.status == "InProgress" for j in jobs),
              f"6 filter status InProgress: {len(jobs)} jobs incl. newest, all InProgress",
              f"{[(j.name, j.properties.status) for j in jobs]}")

        jobs, pages = self.list_jobs()
        ids = names(jobs)
        check(len(ids) >= 3 and pages >= 2 and len(set(ids)) == len(ids) and mine <= set(ids),
              f"6 unfiltered list: {len(ids)} distinct jobs over {pages} pages (nextLink)",
              f"pages {pages}, ids {ids}")
        starts = [j.properties.start_time for j in jobs]
        check(starts == sorted(starts, reverse=True)
              and ids.index(job3) < ids.index(job2) < ids.index(job1),
              "6 list is newest first", f"{list(zip(ids, starts))}")

        for flt, attr, value in (("operation eq 'Backup'", "operation", "Backup"),
                                 ("status eq 'Completed'", "status", "Completed"),
                                 ("backupManagementType eq 'AzureIaasVM'",
                                  "backup_management_type", "AzureIaasVM")):
            jobs, pages = self.list_jobs(flt)
            want = {job1} if attr == "status" else mine
            check(want <= set(names(jobs))
                  and all(getattr(j.properties, attr) == value for j in jobs),
                  f"6 filter {flt}: {len(jobs)} jobs over {pages} pages, all match",
                  f"{[(j.name, getattr(j.properties, attr)) for j in jobs]}")

        jobs, _ = self.list_jobs(f"jobId eq '{job2}'")
        check(names(jobs) == [job2], f"6 filter jobId eq '{job2}': exactly that job", f"{names(jobs)}")

        now = datetime.datetime.now(datetime.timezone.utc)
        start = (now - datetime.timedelta(days=1)).strftime(CLI_DATE_FMT)
        end = (now + datetime.timedelta(days=1)).strftime(CLI_DATE_FMT)
        flt = f"endTime eq '{end}' and startTime eq '{start}'"  # CLI order: sorted keys
        jobs, _ = self.list_jobs(flt)
        check(mine <= set(names(jobs)), f"6 filter {flt}: contains all jobs", f"{names(jobs)}")
        flt = "startTime eq '2000-01-01 12:00:00 AM' and endTime eq '2000-01-02 12:00:00 AM'"
        jobs, pages = self.list_jobs(flt)
        check(jobs == [] and pages == 1, f"6 filter {flt}: empty", f"{names(jobs)}")

    def cancel(self, finished_job):
        c = self.client
        job = self.backup_job("7 backup to cancel")
        h = c.job_cancellations.trigger(VAULT, RG, job, cls=response_headers)
        loc, retry = h.get("Location") or "", h.get("Retry-After") or ""
        check(loc.startswith(self.base + "/") and f"/backupJobs/{job}/operationResults/" in loc
              and retry.isdigit(),
              "7 job_cancellations.trigger: 202 with Location .../backupJobs/{job}/operationResults/"
              "{op}, Retry-After", f"{dict(h)}")
        op_id = last_segment(loc)
        check(c.job_operation_results.get(VAULT, RG, job, op_id) is None,
              "7 job_operation_results.get returns None (202/204 carry no model)")
        codes = [self.raw_get(loc).status_code]
        while codes[-1] == 202 and len(codes) < MAX_POLLS:
            codes.append(self.raw_get(loc).status_code)
        check(codes[-1] == 204 and set(codes[:-1]) <= {202},
              f"7 GET cancel Location verbatim: {' '.join(map(str, codes))}", f"{codes}")
        code, _ = c.job_operation_results.get(VAULT, RG, job, op_id, cls=status_and_body)
        check(code == 204, "7 job_operation_results.get: HTTP 204 once cancelled", f"HTTP {code}")
        p = self.job(job).properties
        check(p.status == "Cancelled" and p.end_time, "7 job_details.get: Cancelled, endTime set",
              f"status {p.status}, end {p.end_time}")
        expect_http_error(lambda: c.job_cancellations.trigger(VAULT, RG, finished_job), 400,
                          "7 cancel Completed job")


def main():
    if len(sys.argv) not in (3, 4) or sys.argv[3:] not in ([], ["--retries"]):
        sys.exit(__doc__.rsplit("\n\n", 1)[-1].strip())
    try:
        Flow(sys.argv[1], sys.argv[2], retries=sys.argv[3:] == ["--retries"]).run()
    except HttpResponseError as e:
        traceback.print_exc()
        check(False, "unexpected HTTP error", f"HTTP {e.status_code}: {e.message}")
    except Exception as e:  # pylint: disable=broad-except
        traceback.print_exc()
        check(False, "unexpected exception", repr(e))
    print(f"interop: {passed} checks passed")
    sys.exit(0)


if __name__ == "__main__":
    main()
