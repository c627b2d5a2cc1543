package io.backupmock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.contracts.Schemas;
import io.backupmock.fixtures.Fixtures;
import io.backupmock.server.wire.Json;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What schema validation adds to a request: validating the body a trigger reads, and (in
 * response-validation mode) the bodies the emulator writes, next to the cost of writing them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class SchemaValidationBenchmark {
    JsonNode backupRequest;
    JsonNode jobResource;
    JsonNode operationStatus;
    JsonNode jobList;

    @Setup
    public void load() throws IOException {
        backupRequest = Json.mapper().readTree(Fixtures.read("payloads/backup-request-iaasvm.json"));
        jobResource = Json.mapper().readTree(Fixtures.read("payloads/job-backup-in-progress.json"));
        operationStatus = Json.mapper().readTree(Fixtures.read("payloads/operation-status-succeeded.json"));
        StringBuilder list = new StringBuilder("{\"value\":[");
        String job = Fixtures.read("payloads/job-backup-completed.json");
        for (int i = 0; i < 200; i++) {
            list.append(i == 0 ? "" : ",").append(job);
        }
        jobList = Json.mapper().readTree(list.append("]}").toString());
        for (Schemas s : Schemas.values()) {
            s.validate(Json.object()); // compile every schema before measuring
        }
    }

    @Benchmark
    public Object validateBackupRequest() {
        return Schemas.BACKUP_REQUEST_RESOURCE.validate(backupRequest);
    }

    @Benchmark
    public Object validateJobResource() {
        return Schemas.JOB_RESOURCE.validate(jobResource);
    }

    @Benchmark
    public Object validateOperationStatus() {
        return Schemas.OPERATION_STATUS.validate(operationStatus);
    }

    @Benchmark
    public Object validateFullJobPage() {
        return Schemas.JOB_RESOURCE_LIST.validate(jobList);
    }

    @Benchmark
    public byte[] renderJobResource() {
        return Json.bytes(jobResource);
    }
}
