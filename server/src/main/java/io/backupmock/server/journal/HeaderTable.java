package io.backupmock.server.journal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A request's or response's headers as the journal keeps them: names and values side by side in one
 * array, in the order they came, read as an unmodifiable map whose names are in lower case. A
 * journal entry is made for every request, and a dozen headers in a linked hash map cost more to
 * make than the rest of the entry; so names are kept as they came and lowered when first read,
 * which few entries ever are.
 */
public final class HeaderTable<V> extends AbstractMap<String, V> {
    /** Names (as they came) at even indexes, their values after them. */
    private final Object[] pairs;
    private final int size;
    /** Characters in the names and values, counted as they were put: what the journal's size bound counts. */
    private final long characters;
    /** The names in lower case, once read (made again, alike, by a thread that races another). */
    private volatile String[] names;

    private HeaderTable(Object[] pairs, int size, long characters) {
        this.pairs = pairs;
        this.size = size;
        this.characters = characters;
    }

    /** Collects a table's names and values; names must differ in more than case, as an HTTP header map's do. */
    public static final class Builder<V> {
        private final Object[] pairs;
        private int size;
        private long characters;

        public Builder(int capacity) {
            this.pairs = new Object[capacity * 2];
        }

        public Builder<V> put(String name, V value) {
            pairs[size * 2] = name;
            pairs[size * 2 + 1] = value;
            size++;
            characters += name.length() + characters(value);
            return this;
        }

        public HeaderTable<V> build() {
            return new HeaderTable<>(pairs, size, characters);
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object name) {
        int i = indexOf(name);
        return i < 0 ? null : (V) pairs[i + 1];
    }

    private int indexOf(Object name) {
        String[] lower = names();
        for (int i = 0; i < size; i++) {
            if (lower[i].equals(name)) {
                return i * 2;
            }
        }
        return -1;
    }

    private String[] names() {
        String[] lower = names;
        if (lower == null) {
            lower = new String[size];
            for (int i = 0; i < size; i++) {
                lower[i] = ((String) pairs[i * 2]).toLowerCase(Locale.ROOT);
            }
            names = lower;
        }
        return lower;
    }

    /**
     * Characters in the names and values of {@code headers} (of a value that is a list, its
     * elements'): what the journal's size bound counts. A table's are counted as they were put (its
     * names as they came, without lowering them: most entries are never read).
     */
    static long characters(Map<String, ?> headers) {
        if (headers instanceof HeaderTable<?> table) {
            return table.characters;
        }
        long n = 0;
        for (Map.Entry<String, ?> h : headers.entrySet()) {
            n += h.getKey().length() + characters(h.getValue());
        }
        return n;
    }

    private static long characters(Object value) {
        if (value instanceof String text) {
            return text.length();
        }
        if (value instanceof List<?> values) {
            long n = 0;
            for (Object v : values) {
                n += v.toString().length();
            }
            return n;
        }
        return value.toString().length();
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<String, V> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(names()[i], (V) pairs[i * 2 + 1]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
