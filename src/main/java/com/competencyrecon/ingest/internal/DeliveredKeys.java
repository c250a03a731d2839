package com.competencyrecon.ingest.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The keys one ingest step has stored so far, as a Bloom filter: {@link #mightContain} is never false for a key
 * {@link #add added}, and true for about one key in a hundred that was not. A step that starts on an empty
 * table looks up only the keys this says it may have stored already (a key repeated further down the file),
 * instead of every key of every chunk. Memory is about 1.25 MB per million keys, in blocks of a million.
 */
final class DeliveredKeys {

    private static final int KEYS_PER_BLOCK = 1 << 20;
    /** About 9.6 bits a key and seven probes: a false positive rate near 1 %. */
    private static final int BITS_PER_BLOCK = 10 * KEYS_PER_BLOCK;
    private static final int PROBES = 7;

    private final List<long[]> blocks = new ArrayList<>();
    private int inLastBlock = KEYS_PER_BLOCK;

    void add(String key) {
        if (inLastBlock == KEYS_PER_BLOCK) {
            blocks.add(new long[BITS_PER_BLOCK / 64]);
            inLastBlock = 0;
        }
        long[] bits = blocks.get(blocks.size() - 1);
        long h1 = hash(key, 0x9E3779B97F4A7C15L);
        long h2 = hash(key, 0xC2B2AE3D27D4EB4FL) | 1;
        for (int i = 0; i < PROBES; i++) {
            int bit = index(h1 + i * h2);
            bits[bit >>> 6] |= 1L << bit;
        }
        inLastBlock++;
    }

    boolean mightContain(String key) {
        if (blocks.isEmpty()) {
            return false;
        }
        long h1 = hash(key, 0x9E3779B97F4A7C15L);
        long h2 = hash(key, 0xC2B2AE3D27D4EB4FL) | 1;
        for (long[] bits : blocks) {
            if (all(bits, h1, h2)) {
                return true;
            }
        }
        return false;
    }

    private static boolean all(long[] bits, long h1, long h2) {
        for (int i = 0; i < PROBES; i++) {
            int bit = index(h1 + i * h2);
            if ((bits[bit >>> 6] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    private static int index(long hash) {
        return (int) Long.remainderUnsigned(hash, BITS_PER_BLOCK);
    }

    /** A 64-bit hash of the key's characters from a seed, mixed as SplitMix64 finishes. */
    private static long hash(String key, long seed) {
        long h = seed ^ key.length();
        for (int i = 0; i < key.length(); i++) {
            h = (h ^ key.charAt(i)) * 0x100000001B3L;
            h = Long.rotateLeft(h, 27);
        }
        h ^= h >>> 30;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 27;
        h *= 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}
