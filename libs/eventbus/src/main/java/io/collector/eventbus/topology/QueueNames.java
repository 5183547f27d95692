package io.collector.eventbus.topology;

/** The queue names of DESIGN.md §4. */
public final class QueueNames {

    private QueueNames() {
    }

    /** {@code <service>.<type>}, e.g. {@code orders.offer.approved}. */
    public static String queue(String service, String type) {
        return service + "." + type;
    }

    /** The delay queue a message waits in before retry {@code n} (1-based). */
    public static String retry(String queue, int n) {
        return queue + ".retry." + n;
    }

    public static String deadLetter(String queue) {
        return queue + ".dlq";
    }
}
