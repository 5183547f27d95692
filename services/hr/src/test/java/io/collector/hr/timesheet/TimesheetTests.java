package io.collector.hr.timesheet;

import io.collector.events.payload.TaskCompleted;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimesheetTests {

    static final Instant NOW = Instant.parse("2024-01-20T12:00:00.000Z");
    static final UUID PROJECT_A = UUID.randomUUID();
    static final UUID PROJECT_B = UUID.randomUUID();

    static TaskCompleted task(UUID project, Double estimated, Double actual) {
        return new TaskCompleted(UUID.randomUUID(), "Task", project, "Project " + project, UUID.randomUUID(), estimated,
                actual, Instant.parse("2024-01-15T17:00:00.000Z"));
    }

    static TimesheetEntry entry(UUID project, Double estimated, Double actual) {
        return TimesheetEntry.of("tenant", task(project, estimated, actual), NOW);
    }

    @Test
    void actualHoursCountWhenTheTaskHasThem() {
        TimesheetEntry entry = entry(PROJECT_A, 8.0, 10.0);

        assertThat(entry.hours()).isEqualTo(new BigDecimal("10.00"));
        assertThat(entry.hoursSource()).isEqualTo(HoursSource.ACTUAL);
    }

    @Test
    void estimatedHoursCountWhenTheTaskHasNoActualHours() {
        TimesheetEntry entry = entry(PROJECT_A, 7.5, null);

        assertThat(entry.hours()).isEqualTo(new BigDecimal("7.50"));
        assertThat(entry.hoursSource()).isEqualTo(HoursSource.ESTIMATED);
    }

    @Test
    void aTaskWithoutHoursCountsZero() {
        TimesheetEntry entry = entry(PROJECT_A, null, null);

        assertThat(entry.hours()).isEqualTo(new BigDecimal("0.00"));
        assertThat(entry.hoursSource()).isEqualTo(HoursSource.NONE);
    }

    @Test
    void hoursAreKeptToTwoDecimalsHalfUp() {
        assertThat(entry(PROJECT_A, null, 7.333).hours()).isEqualTo(new BigDecimal("7.33"));
        assertThat(entry(PROJECT_A, null, 0.125).hours()).isEqualTo(new BigDecimal("0.13"));
    }

    @Test
    void implausibleHoursAreRefused() {
        assertThatThrownBy(() -> entry(PROJECT_A, null, 2e6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEntryCarriesTheTaskAndItsResourceAsEmployee() {
        TaskCompleted task = task(PROJECT_A, 8.0, 10.0);

        TimesheetEntry entry = TimesheetEntry.of("tenant", task, NOW);

        assertThat(entry.taskId()).isEqualTo(task.taskId());
        assertThat(entry.projectId()).isEqualTo(PROJECT_A);
        assertThat(entry.employeeId()).isEqualTo(task.assignedResourceId());
        assertThat(entry.completedAt()).isEqualTo(task.completedAt());
        assertThat(entry.recordedAt()).isEqualTo(NOW);
    }

    @Test
    void theTimesheetTotalsItsEntriesAndEachProject() {
        Timesheet timesheet = new Timesheet(null, YearMonth.of(2024, 1), List.of(entry(PROJECT_A, null, 10.0),
                entry(PROJECT_B, 2.25, null), entry(PROJECT_A, null, 1.5)));

        assertThat(timesheet.totalHours()).isEqualTo(new BigDecimal("13.75"));
        assertThat(timesheet.projects()).extracting(Timesheet.ProjectHours::projectId).containsExactly(PROJECT_A, PROJECT_B);
        assertThat(timesheet.projects()).extracting(Timesheet.ProjectHours::hours)
                .containsExactly(new BigDecimal("11.50"), new BigDecimal("2.25"));
        assertThat(new Timesheet(null, null, List.of()).totalHours()).isEqualTo(new BigDecimal("0.00"));
    }
}
