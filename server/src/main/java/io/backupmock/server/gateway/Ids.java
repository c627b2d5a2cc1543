package io.backupmock.server.gateway;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Random version-4 GUIDs without SecureRandom's cost: ids here need to be unique, not secret. */
public final class Ids {
    private Ids() {
    }

    public static String guid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
