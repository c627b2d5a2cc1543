package io.backupmock.server.store;

import io.backupmock.server.gateway.Change;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The payloads of the state log's records: a {@link Change}, or the start of the emulator's virtual
 * clock (the first record of a log whose emulator runs on one). Big-endian, strings as modified
 * UTF-8 with a length before them; a record's frame (length, CRC-32C) is the log's business.
 */
final class Records {
    static final byte CHANGE = 1;
    static final byte CLOCK_START = 2;

    private Records() {
    }

    static byte[] change(Change c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + c.body().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(CHANGE);
            out.writeBoolean(c.isRequest());
            if (c.isRequest()) {
                out.writeBoolean(c.admin());
                out.writeUTF(c.method());
                out.writeUTF(c.uri());
                out.writeUTF(c.query());
                out.writeInt(c.body().length);
                out.write(c.body());
                out.writeBoolean(c.reset());
            }
            instant(out, c.now());
            out.writeInt(c.ids().size());
            for (String id : c.ids()) {
                out.writeUTF(id);
            }
            out.writeInt(c.clocks().size());
            for (Map.Entry<String, Instant> e : c.clocks().entrySet()) {
                out.writeUTF(e.getKey());
                instant(out, e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] clockStart(Instant start) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(CLOCK_START);
            instant(out, start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A record read back: a change, or a clock start (the other null). */
    record Read(Change change, Instant clockStart) {
    }

    /** @throws IOException if the payload is not a record this version writes */
    static Read read(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        byte type = in.readByte();
        Read read;
        if (type == CLOCK_START) {
            read = new Read(null, instant(in));
        } else if (type == CHANGE) {
            boolean request = in.readBoolean();
            boolean admin = false;
            boolean reset = false;
            String method = null;
            String uri = null;
            String query = null;
            byte[] body = null;
            if (request) {
                admin = in.readBoolean();
                method = in.readUTF();
                uri = in.readUTF();
                query = in.readUTF();
                int length = in.readInt();
                if (length < 0 || length > in.available()) {
                    throw new IOException("a body of " + length + " bytes where " + in.available() + " remain");
                }
                body = in.readNBytes(length);
                reset = in.readBoolean();
            }
            Instant now = instant(in);
            int idCount = count(in);
            List<String> ids = new ArrayList<>(idCount);
            for (int i = 0; i < idCount; i++) {
                ids.add(in.readUTF());
            }
            int clockCount = count(in);
            Map<String, Instant> clocks = new HashMap<>();
            for (int i = 0; i < clockCount; i++) {
                clocks.put(in.readUTF(), instant(in));
            }
            read = new Read(new Change(admin, method, uri, query, body, now, ids, clocks, reset), null);
        } else {
            throw new IOException("unknown record type " + type);
        }
        if (in.available() != 0) {
            throw new IOException(in.available() + " bytes after the record's end");
        }
        return read;
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("a count of " + n + " where " + in.available() + " bytes remain");
        }
        return n;
    }

    private static void instant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        long seconds = in.readLong();
        int nanos = in.readInt();
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (RuntimeException e) {
            throw new IOException("not an instant: " + seconds + "s " + nanos + "ns");
        }
    }
}
