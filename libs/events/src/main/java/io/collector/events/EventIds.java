package io.collector.events;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New event ids: UUID version 7 (RFC 9562), the Unix time in milliseconds followed by 74 random
 * bits. Ids written later sort later, so the inboxes' primary keys on them grow at
 * their right edge instead of touching a random page per insert (as version 4 ids do). The random
 * bits come from {@link ThreadLocalRandom}, mixed with a per-JVM salt from {@link SecureRandom}:
 * {@code UUID.randomUUID()} reads the system's secure source under a lock for every id, which cost a
 * publisher about a tenth of its CPU, and an event id is an identity, not a secret.
 */
public final class EventIds {

    /** Keeps two JVMs whose thread-local generators were seeded alike (the same clock readings) apart. */
    private static final long SALT = new SecureRandom().nextLong();

    private EventIds() {
    }

    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    static UUID at(long unixMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = (unixMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long leastSignificant = ((random.nextLong() ^ SALT) & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }

    /** The creation time a version 7 id carries, in Unix milliseconds. */
    public static long unixMillisOf(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException(id + " is a version " + id.version() + " UUID, not 7");
        }
        return id.getMostSignificantBits() >>> 16;
    }
}
