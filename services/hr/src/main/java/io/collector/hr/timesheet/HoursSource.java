package io.collector.hr.timesheet;

/** Where an entry's hours came from: the task's actual hours, else its estimate, else none (0 hours). */
public enum HoursSource {
    ACTUAL, ESTIMATED, NONE
}
