package org.sss.core.negotiation;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.util.Pack;
import org.sss.core.wire.ResponderCookie;

/**
 * The responder's cache of accepted cookies (CRY-COOKIE-7, CRY-COOKIE-8): each cookie that created
 * a channel is remembered, as its SHA-256 digest, for the lifetime of a minute key (120 s) after
 * its INITIATE was accepted. By then the key that opened it has been erased (CRY-COOKIE-3), so the
 * cookie can no longer open and need not be remembered.
 *
 * <p><b>Bound.</b> At most {@code capacity} entries (default 65 536, about 100 bytes each, so
 * about 6.5 MiB), which covers 546 accepted INITIATEs per second sustained over 120 s. Entries
 * are kept in acceptance order, which is also their expiry order; a full cache evicts the oldest.
 *
 * <p><b>No replay hole when full.</b> Evicting an entry that has not expired would let its cookie
 * be replayed. So each entry records the generation of the minute key that opened its cookie
 * ({@link MinuteKeyRing}), and evicting an unexpired entry raises a <em>floor</em>: from then on
 * {@link #contains} answers true for every cookie opened by a key of that generation or older.
 * Every cookie the cache has forgotten early was opened by such a key, so none can be replayed;
 * the price is that genuine fresh cookies of those generations are refused as well (fail closed)
 * until those keys are erased, at most one minute-key lifetime later, after which the floor no
 * longer matters because no cookie of those generations can open. Not thread-safe.
 */
public final class CookieReplayCache {
    /** Default bound on the number of remembered cookies. */
    public static final int DEFAULT_CAPACITY = 65_536;

    /** The 32-byte SHA-256 digest of a cookie, as four longs (cheap equality and hashing). */
    private record Digest(long a, long b, long c, long d) {
    }

    /** When an entry expires, and the generation of the minute key that opened its cookie. */
    private record Entry(long expiresAtNanos, long generation) {
    }

    private final int capacity;
    private final long lifetimeNanos;
    private final LinkedHashMap<Digest, Entry> entries = new LinkedHashMap<>();
    private final SHA256Digest sha256 = new SHA256Digest();
    private final byte[] digestScratch = new byte[32];
    private long floorGeneration = Long.MIN_VALUE;
    private long evictedBeforeExpiry;

    /**
     * A cache.
     *
     * @param capacity the most cookies remembered at once, at least 1
     * @param lifetime how long an accepted cookie is remembered: the minute-key lifetime
     *     ({@link MinuteKeyRing#keyLifetime()}, 120 s by default)
     */
    public CookieReplayCache(int capacity, Duration lifetime) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive, got " + lifetime);
        }
        this.capacity = capacity;
        this.lifetimeNanos = lifetime.toNanos();
    }

    /**
     * Whether the cookie must be treated as replayed: it was accepted before, or it was opened by a
     * minute key at or below the floor raised by an early eviction.
     *
     * @param cookie the 96 cookie bytes at {@code offset}
     * @param generation the generation of the minute key that opened it
     */
    public boolean contains(byte[] cookie, int offset, long generation) {
        return generation <= floorGeneration || entries.containsKey(digest(cookie, offset));
    }

    /**
     * Remembers an accepted cookie until {@code nowNanos} plus the lifetime. Expired entries go
     * first; if the cache is still full, the oldest entry is evicted and the floor raised to its
     * generation.
     *
     * @param cookie the 96 cookie bytes at {@code offset}
     * @param generation the generation of the minute key that opened it
     * @param nowNanos the current clock time
     */
    public void add(byte[] cookie, int offset, long generation, long nowNanos) {
        Digest key = digest(cookie, offset);
        expire(nowNanos);
        // SPEC-GAP: SPEC.md bounds the cache only by the accept rate over 120 s; a full cache evicts its oldest
        // entry and refuses every cookie of that entry's minute-key generation or older (fail closed, no replay hole)
        if (entries.size() >= capacity && !entries.containsKey(key)) {
            Iterator<Entry> oldest = entries.values().iterator();
            Entry evicted = oldest.next();
            oldest.remove();
            floorGeneration = Math.max(floorGeneration, evicted.generation());
            evictedBeforeExpiry++;
        }
        entries.put(key, new Entry(nowNanos + lifetimeNanos, generation));
    }

    /** Forgets the entries whose lifetime has ended at {@code nowNanos}. */
    public void expire(long nowNanos) {
        Iterator<Entry> it = entries.values().iterator();
        while (it.hasNext()) {
            if (nowNanos - it.next().expiresAtNanos() < 0) {
                return;
            }
            it.remove();
        }
    }

    /** Whether any cookie is remembered. */
    public boolean hasEntries() {
        return !entries.isEmpty();
    }

    /** The expiry time of the oldest entry; only meaningful when {@link #hasEntries()}. */
    public long nextExpiryNanos() {
        Map.Entry<Digest, Entry> first = entries.entrySet().iterator().next();
        return first.getValue().expiresAtNanos();
    }

    /** The number of cookies remembered. */
    public int size() {
        return entries.size();
    }

    /** The bound on {@link #size()}. */
    public int capacity() {
        return capacity;
    }

    /** How many entries were evicted before they expired (each raised the floor). */
    public long evictedBeforeExpiry() {
        return evictedBeforeExpiry;
    }

    private Digest digest(byte[] cookie, int offset) {
        Objects.checkFromIndexSize(offset, ResponderCookie.LENGTH, cookie.length);
        sha256.update(cookie, offset, ResponderCookie.LENGTH);
        sha256.doFinal(digestScratch, 0);
        return new Digest(Pack.bigEndianToLong(digestScratch, 0), Pack.bigEndianToLong(digestScratch, 8),
                Pack.bigEndianToLong(digestScratch, 16), Pack.bigEndianToLong(digestScratch, 24));
    }
}
