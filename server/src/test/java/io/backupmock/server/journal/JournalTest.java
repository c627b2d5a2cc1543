package io.backupmock.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalTest {
    private static RecordedRequest request(Journal journal, String subscription, int bodyBytes) {
        return new RecordedRequest(journal.nextSequence(), Instant.EPOCH, "GET", "/subscriptions/" + subscription, "",
                Map.of("authorization", List.of("Bearer x")), new byte[0], subscription, 200,
                Map.of("content-type", "application/json"), new byte[bodyBytes], List.of());
    }

    @Test
    void keepsWithinItsByteBoundDroppingTheOldestFirst() {
        Journal journal = new Journal(100);
        int sixMegabytes = 6 * 1024 * 1024;
        for (int i = 0; i < 5; i++) {
            journal.record(request(journal, "a", sixMegabytes));
        }
        assertThat(journal.all()).extracting(RecordedRequest::sequence).containsExactly(4L, 5L);
        assertThat(journal.dropped()).isEqualTo(3);

        journal.clear("a");
        assertThat(journal.all()).isEmpty();
        // The bytes of what was forgotten are forgotten too: two more large answers fit again.
        journal.record(request(journal, "b", sixMegabytes));
        journal.record(request(journal, "b", sixMegabytes));
        assertThat(journal.all()).extracting(RecordedRequest::sequence).containsExactly(6L, 7L);
        assertThat(journal.dropped()).isEqualTo(3);
    }

    @Test
    void aSingleAnswerLargerThanTheBoundIsStillKept() {
        Journal journal = new Journal(10);
        journal.record(request(journal, "a", (int) Journal.MAX_BYTES + 1));
        assertThat(journal.all()).hasSize(1);
        journal.record(request(journal, "a", 10));
        assertThat(journal.all()).extracting(RecordedRequest::sequence).containsExactly(2L);
        assertThat(journal.find(r -> r.subscriptionId().equals("a"))).hasSize(1);
    }

    @Test
    void threadsRecordingAtOnceLoseNothingUncountedAndKeepTheCapacity() throws Exception {
        Journal journal = new Journal(100);
        int threads = 4;
        int each = 10_000;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        journal.record(request(journal, "a", 10));
                    }
                }));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<RecordedRequest> kept = journal.all();
        assertThat(kept).hasSize(100);
        assertThat(kept.size() + journal.dropped()).as("each request kept or counted as dropped").isEqualTo(threads * each);
        assertThat(kept).extracting(RecordedRequest::sequence).doesNotHaveDuplicates().isSorted()
                .startsWith((long) threads * each - 99).endsWith((long) threads * each);
        journal.clear();
        assertThat(journal.all()).isEmpty();
        journal.record(request(journal, "a", 10));
        assertThat(journal.all()).hasSize(1);
    }

    @Test
    void aRequestRecordedLateNeitherReplacesANewerOneNorOutlivesAClear() {
        Journal journal = new Journal(1);
        RecordedRequest first = request(journal, "a", 1);
        RecordedRequest second = request(journal, "a", 1);
        journal.record(second);
        journal.record(first);
        assertThat(journal.all()).containsExactly(second);
        assertThat(journal.dropped()).isEqualTo(1);

        Journal cleared = new Journal(10);
        RecordedRequest beforeTheClear = request(cleared, "a", 1);
        cleared.clear();
        cleared.record(beforeTheClear);
        assertThat(cleared.all()).isEmpty();
        RecordedRequest after = request(cleared, "a", 1);
        cleared.record(after);
        assertThat(cleared.all()).containsExactly(after);
    }

    @Test
    void aHugeCapacityTakesNoMoreMemoryThanTheSizeBoundAllows() {
        Journal journal = new Journal(Integer.MAX_VALUE);
        for (int i = 0; i < 70_000; i++) {
            journal.record(request(journal, "a", 0));
        }
        List<RecordedRequest> kept = journal.all();
        // Each entry counts for at least 256 bytes (these for about 400), so 16 MB holds at most
        // 65,536 of them, the ring no more: the newest, one after the other.
        assertThat(kept).hasSizeBetween(40_000, 65_536);
        assertThat(kept.get(0).sequence()).isEqualTo(70_000L - kept.size() + 1);
        assertThat(kept.get(kept.size() - 1).sequence()).isEqualTo(70_000L);
        assertThat(kept.size() + journal.dropped()).isEqualTo(70_000);
    }

    @Test
    void anEntryHandsOutCopiesOfItsBodies() {
        byte[] sent = "{\"status\":\"Completed\"}".getBytes(StandardCharsets.UTF_8);
        RecordedRequest entry = new RecordedRequest(1, Instant.EPOCH, "GET", "/x", "", Map.of(), new byte[] {'{', '}'},
                null, 200, Map.of(), sent, List.of());
        entry.responseBodyBytes()[2] = 'X';
        entry.bodyBytes()[0] = 'X';
        assertThat(sent[2]).as("the array the emulator may send again").isEqualTo((byte) 's');
        assertThat(entry.responseBody()).isEqualTo("{\"status\":\"Completed\"}");
        assertThat(entry.body()).isEqualTo("{}");
    }
}
