package io.collector.projects.project;

/** OPEN → ASSIGNED (→ ASSIGNED again on reassignment) → COMPLETED; OPEN → COMPLETED too. COMPLETED is final. */
public enum TaskStatus {
    OPEN,
    ASSIGNED,
    COMPLETED;

    boolean isFinal() {
        return this == COMPLETED;
    }
}
