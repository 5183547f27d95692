package io.collector.eventbus.observability;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** W3C Trace Context {@code traceparent}: {@code 00-<trace-id>-<parent-id>-<flags>}. */
public final class TraceParent {

    private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TraceParent() {
    }

    /** A child of {@code parent} (same trace, new span id), or a new trace when there is no valid parent. */
    public static String childOf(String parent) {
        if (parent == null || !VALID.matcher(parent).matches()) {
            return "00-" + randomHex(32) + "-" + randomHex(16) + "-01";
        }
        return parent.substring(0, 36) + randomHex(16) + parent.substring(52);
    }

    public static String traceId(String traceparent) {
        return traceparent != null && VALID.matcher(traceparent).matches() ? traceparent.substring(3, 35) : null;
    }

    /** {@code length} random lowercase hex digits (16 or 32), never all zero (W3C: an all-zero id is invalid). */
    private static String randomHex(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] hex = new char[length];
        boolean zero = true;
        for (int start = 0; start < length; start += 16) {
            long bits = random.nextLong();
            zero &= bits == 0;
            for (int i = start + 15; i >= start; i--, bits >>>= 4) {
                hex[i] = HEX[(int) (bits & 0xf)];
            }
        }
        if (zero) {
            hex[length - 1] = '1';
        }
        return new String(hex);
    }
}
