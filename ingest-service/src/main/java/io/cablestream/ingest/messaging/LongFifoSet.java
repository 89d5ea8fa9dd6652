package io.cablestream.ingest.messaging;

/**
 * A set of at most {@code capacity} non-zero longs that forgets the oldest when full: an open-addressing table
 * (linear probing, at most half full, backward-shift deletion) and a ring of the keys in insertion order. Its
 * memory is fixed when it is made (24 bytes per key of capacity), whatever is added. Not thread-safe.
 */
final class LongFifoSet {

    private final long[] table;
    private final int mask;
    private final long[] ring;
    private int oldest;
    private int size;

    LongFifoSet(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        int slots = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
        this.table = new long[slots];
        this.mask = slots - 1;
        this.ring = new long[capacity];
    }

    int size() {
        return size;
    }

    boolean contains(long key) {
        return find(key) >= 0;
    }

    /** False when the key was there already; when the set is full the oldest key is forgotten first. */
    boolean add(long key) {
        if (key == 0) {
            throw new IllegalArgumentException("0 marks an empty slot");
        }
        if (contains(key)) {
            return false;
        }
        if (size == ring.length) {
            remove(ring[oldest]);
            oldest = (oldest + 1) % ring.length;
            size--;
        }
        int i = home(key);
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = key;
        ring[(oldest + size) % ring.length] = key;
        size++;
        return true;
    }

    private int find(long key) {
        for (int i = home(key); table[i] != 0; i = (i + 1) & mask) {
            if (table[i] == key) {
                return i;
            }
        }
        return -1;
    }

    /** Empties the key's slot and moves up every later key of its run that may not be left behind a hole. */
    private void remove(long key) {
        int hole = find(key);
        if (hole < 0) {
            return;
        }
        for (int j = (hole + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int home = home(table[j]);
            boolean homeBetweenHoleAndJ = hole <= j ? hole < home && home <= j : hole < home || home <= j;
            if (!homeBetweenHoleAndJ) {
                table[hole] = table[j];
                hole = j;
            }
        }
        table[hole] = 0;
    }

    private int home(long key) {
        return (int) (key ^ (key >>> 32)) & mask;
    }
}
