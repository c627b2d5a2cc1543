package io.backupmock.server.store;

import io.backupmock.server.gateway.Change;
import io.backupmock.server.gateway.ChangeLog;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's state kept in a directory ({@code --state-dir}): an append-only log of the
 * changes it acknowledged ({@code state.log}), made again in order at the next start.
 *
 * <p>The log starts with a header ({@code BKMOCKST} and the format version, {@value #FORMAT}).
 * Each record is framed: its length (4 bytes), the CRC-32C of its payload (4 bytes), the payload.
 * A change is written, then flushed to the disk ({@code fdatasync}) before its answer is sent;
 * changes that arrive while a flush runs share the next one (group commit). A new log (the first
 * one, or one after a reset) is written beside the old, flushed, renamed over it, and the
 * directory flushed, so a crash leaves one whole log or the other.
 *
 * <p>At start, the records are read up to the first that is cut short (a crash while it was
 * written) or does not match its checksum: every record before it is kept; the bytes from it on
 * are moved to {@code state.log.damaged-<millis>}, the log is cut there, and a warning names both
 * files. A log of another format, or no log at all in a non-empty file, refuses the start.
 *
 * <p>{@code state.lock} is locked while the emulator runs, so two emulators never share a directory.
 */
public final class StateStore implements ChangeLog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
    public static final String LOG_FILE = "state.log";
    public static final String LOCK_FILE = "state.lock";
    static final byte[] MAGIC = "BKMOCKST".getBytes(StandardCharsets.US_ASCII);
    public static final int FORMAT = 1;
    static final int HEADER_BYTES = MAGIC.length + 4;
    /** A record larger than this is taken for damage: a request body is at most 1 MiB. */
    static final int MAX_RECORD_BYTES = 8 * 1024 * 1024;

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<Change> recovered;
    private final Instant savedClockStart;
    private final List<String> warnings;
    private final Object flushing = new Object();
    private volatile FileChannel log;
    private long position;
    /** Bytes appended, over every log this store wrote: a ticket is the count after a change. */
    private volatile long written;
    private volatile long durable;
    private Instant clockStart;
    private boolean begun;

    private StateStore(Path dir, FileChannel lockChannel, FileLock lock, FileChannel log, long position,
                       List<Change> recovered, Instant savedClockStart, List<String> warnings) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.log = log;
        this.position = position;
        this.recovered = recovered;
        this.savedClockStart = savedClockStart;
        this.warnings = warnings;
    }

    /**
     * Opens (making it if need be) and locks the directory, and reads its log.
     *
     * @throws StateDirException if the directory cannot be written, another emulator holds it, or
     *                           its log is of a format this version does not read
     */
    public static StateStore open(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs);
        } catch (FileAlreadyExistsException e) {
            throw new StateDirException(abs, "is a file, not a directory");
        } catch (IOException e) {
            throw new StateDirException(abs, "cannot be made (" + e + ")", e);
        }
        if (!Files.isDirectory(abs)) {
            throw new StateDirException(abs, "is not a directory");
        }
        if (!Files.isWritable(abs)) {
            throw new StateDirException(abs, "is not writable");
        }
        FileChannel lockChannel;
        try {
            lockChannel = FileChannel.open(abs.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw new StateDirException(abs, "is not writable (" + LOCK_FILE + ": permission denied)", e);
        } catch (IOException e) {
            throw new StateDirException(abs, "cannot be written (" + e + ")", e);
        }
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new StateDirException(abs, "cannot be locked (" + e + ")", e);
        }
        if (lock == null) {
            String holder = holder(lockChannel);
            closeQuietly(lockChannel);
            throw new StateDirException(abs, "is in use by another running emulator" + holder
                    + "; stop it, or give this one another --state-dir");
        }
        try {
            lockChannel.truncate(0);
            lockChannel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.US_ASCII)), 0);
            return read(abs, lockChannel, lock);
        } catch (IOException e) {
            release(lockChannel, lock);
            throw new StateDirException(abs, "cannot be read or written (" + e + ")", e);
        } catch (RuntimeException e) {
            release(lockChannel, lock);
            throw e;
        }
    }

    private static StateStore read(Path dir, FileChannel lockChannel, FileLock lock) throws IOException {
        Path file = dir.resolve(LOG_FILE);
        List<String> warnings = new ArrayList<>();
        if (!Files.exists(file) || Files.size(file) == 0) {
            FileChannel fresh = create(dir, null);
            return new StateStore(dir, lockChannel, lock, fresh, HEADER_BYTES, List.of(), null, warnings);
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length < HEADER_BYTES || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new StateDirException(dir, file.getFileName() + " is not a backup-mock state log (no "
                    + new String(MAGIC, StandardCharsets.US_ASCII) + " header); move it away or give another "
                    + "--state-dir");
        }
        int format = ByteBuffer.wrap(bytes, MAGIC.length, 4).getInt();
        if (format != FORMAT) {
            throw new StateDirException(dir, file.getFileName() + " has state format version " + format
                    + ", and this emulator reads version " + FORMAT + " only; start the version that wrote it, "
                    + "or give another --state-dir");
        }
        List<Change> changes = new ArrayList<>();
        Instant clockStart = null;
        int at = HEADER_BYTES;
        String damage = null;
        int count = 0;
        while (at < bytes.length) {
            int left = bytes.length - at;
            if (left < 8) {
                damage = "a record cut short (" + left + " bytes of its frame)";
                break;
            }
            ByteBuffer frame = ByteBuffer.wrap(bytes, at, 8);
            int length = frame.getInt();
            int crc = frame.getInt();
            if (length <= 0 || length > MAX_RECORD_BYTES) {
                damage = "a record of impossible length " + length;
                break;
            }
            if (length > left - 8) {
                damage = "a record cut short (" + (left - 8) + " of its " + length + " bytes)";
                break;
            }
            CRC32C check = new CRC32C();
            check.update(bytes, at + 8, length);
            if ((int) check.getValue() != crc) {
                damage = "a record whose checksum does not match";
                break;
            }
            Records.Read record;
            try {
                record = Records.read(Arrays.copyOfRange(bytes, at + 8, at + 8 + length));
            } catch (IOException e) {
                damage = "a record that does not read (" + e.getMessage() + ")";
                break;
            }
            if (record.change() != null) {
                changes.add(record.change());
            } else {
                clockStart = record.clockStart();
            }
            count++;
            at += 8 + length;
        }
        if (damage != null) {
            Path damaged = dir.resolve(LOG_FILE + ".damaged-" + System.currentTimeMillis());
            Files.write(damaged, Arrays.copyOfRange(bytes, at, bytes.length), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            String warning = file + ": " + damage + " at byte " + at + ", after " + count + " whole records; "
                    + "kept those " + count + " records, moved the " + (bytes.length - at) + " bytes from there on to "
                    + damaged + " and cut the log there";
            LOG.warn(warning);
            warnings.add(warning);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        if (damage != null) {
            channel.truncate(at);
            channel.force(true);
        }
        return new StateStore(dir, lockChannel, lock, channel, at, List.copyOf(changes), clockStart, warnings);
    }

    /** Writes a new log beside the old (its header, and the clock's start if any), then renames it over. */
    private static FileChannel create(Path dir, byte[] firstRecord) throws IOException {
        Path file = dir.resolve(LOG_FILE);
        Path next = dir.resolve(LOG_FILE + ".new");
        Files.deleteIfExists(next);
        try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putInt(FORMAT).flip();
            writeFully(out, header, 0);
            if (firstRecord != null) {
                writeFully(out, frame(firstRecord), HEADER_BYTES);
            }
            out.force(true);
        }
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(dir);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        channel.position(channel.size());
        return channel;
    }

    /** The changes the log held at start, to make again in order. */
    public List<Change> recovered() {
        return recovered;
    }

    /** The start of the virtual clock of the run that wrote the log, or null. */
    public Instant savedClockStart() {
        return savedClockStart;
    }

    /** The warnings of the start: damage found and cut off. */
    public List<String> warnings() {
        return warnings;
    }

    public Path directory() {
        return dir;
    }

    /**
     * Called once the recovered changes are made again: notes the start of the emulator's virtual
     * clock (null if it runs on the system clock) in a log that does not yet hold it.
     */
    public synchronized void begin(Instant virtualClockStart) throws IOException {
        this.clockStart = virtualClockStart;
        this.begun = true;
        if (virtualClockStart != null && savedClockStart == null) {
            write(Records.clockStart(virtualClockStart));
            awaitDurable(written);
        }
    }

    @Override
    public synchronized long append(Change change) throws IOException {
        if (!begun) {
            throw new IllegalStateException("begin first");
        }
        if (change.reset()) {
            FileChannel fresh = create(dir, clockStart == null ? null : Records.clockStart(clockStart));
            synchronized (flushing) {
                FileChannel old = log;
                log = fresh;
                position = fresh.position();
                written = written + 1;
                durable = written;
                closeQuietly(old);
            }
            return written;
        }
        write(Records.change(change));
        return written;
    }

    private void write(byte[] payload) throws IOException {
        ByteBuffer frame = frame(payload);
        int length = frame.remaining();
        writeFully(log, frame, position);
        position += length;
        written = written + length;
    }

    private static ByteBuffer frame(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return ByteBuffer.allocate(8 + payload.length).putInt(payload.length).putInt((int) crc.getValue())
                .put(payload).flip();
    }

    @Override
    public void awaitDurable(long ticket) throws IOException {
        if (durable >= ticket) {
            return;
        }
        synchronized (flushing) {
            if (durable >= ticket) {
                return;
            }
            long upTo = written;
            log.force(false);
            durable = upTo;
        }
    }

    /** Unlocks the directory; the log stays as it is. */
    @Override
    public void close() {
        synchronized (flushing) {
            try {
                log.force(false);
            } catch (IOException e) {
                LOG.warn("{}: could not flush at close: {}", dir.resolve(LOG_FILE), e.toString());
            }
            closeQuietly(log);
        }
        release(lockChannel, lock);
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long at) throws IOException {
        long p = at;
        while (buffer.hasRemaining()) {
            p += channel.write(buffer, p);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for this; the rename is then as durable as they make it.
        }
    }

    private static String holder(FileChannel lockChannel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(64);
            int n = lockChannel.read(buf, 0);
            String text = n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.US_ASCII).trim();
            return text.startsWith("pid ") ? " (" + text + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void release(FileChannel channel, FileLock lock) {
        try {
            lock.release();
        } catch (IOException | RuntimeException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }
}
