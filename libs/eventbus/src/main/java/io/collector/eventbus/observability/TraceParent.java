package io.collector.eventbus.observability;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** W3C Trace Context {@code traceparent}: {@code 00-<trace-id>-<parent-id>-<flags>}. */
public final class TraceParent {

    private static final Pattern VALID = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

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

    private static String randomHex(int length) {
        StringBuilder hex = new StringBuilder(length);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (hex.length() < length) {
            hex.append(Character.forDigit(random.nextInt(16), 16));
        }
        return hex.toString();
    }
}
