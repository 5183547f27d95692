package io.collector.hr;

import io.collector.events.EventEnvelope;
import io.collector.events.EventType;
import io.collector.events.payload.TaskCompleted;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** task.completed through the broker becomes one timesheet entry per task. */
class TimesheetIntegrationTests extends HrIntegrationTest {

    private static final String TASK_COMPLETED = EventType.TASK_COMPLETED.wireName();

    JsonNode awaitEntries(String tenant, String query, int count) {
        return await().atMost(WAIT).until(() -> timesheet(tenant, query), t -> t.path("entries").size() == count);
    }

    @Test
    void aCompletedTaskAddsItsHoursToTheEmployeesTimesheet() {
        String tenant = newTenant();
        UUID employee = hireId(tenant);
        UUID project = UUID.randomUUID();
        TaskCompleted done = task(project, employee, 8.0, 10.0, "2024-01-15T17:00:00.000Z");
        TaskCompleted estimated = task(project, employee, 7.5, null, "2024-01-31T23:59:59.000Z");
        TaskCompleted nextMonth = task(project, employee, null, 4.0, "2024-02-01T00:00:00.000Z");

        deliver(tenant, done);
        deliver(tenant, estimated);
        deliver(tenant, nextMonth);

        JsonNode january = awaitEntries(tenant, "?employeeId=" + employee + "&period=2024-01", 2);
        assertThat(january.path("employeeId").asString()).isEqualTo(employee.toString());
        assertThat(january.path("period").asString()).isEqualTo("2024-01");
        assertThat(january.path("totalHours").decimalValue()).isEqualByComparingTo("17.5");
        JsonNode entry = january.path("entries").get(0);
        assertThat(entry.path("taskId").asString()).isEqualTo(done.taskId().toString());
        assertThat(entry.path("taskName").asString()).isEqualTo(done.taskName());
        assertThat(entry.path("projectId").asString()).isEqualTo(project.toString());
        assertThat(entry.path("projectName").asString()).isEqualTo(done.projectName());
        assertThat(entry.path("employeeId").asString()).isEqualTo(employee.toString());
        assertThat(entry.path("hours").asDouble()).isEqualTo(10.0);
        assertThat(entry.path("hoursSource").asString()).isEqualTo("ACTUAL");
        assertThat(Instant.parse(entry.path("completedAt").asString())).isEqualTo(done.completedAt());
        assertThat(january.path("entries").get(1).path("hours").asDouble()).isEqualTo(7.5);
        assertThat(january.path("entries").get(1).path("hoursSource").asString()).isEqualTo("ESTIMATED");
        assertThat(january.path("projects")).hasSize(1);
        assertThat(january.path("projects").get(0).path("hours").asDouble()).isEqualTo(17.5);
        // Its own wait: January's two entries say nothing of the third event (two batch threads per queue).
        JsonNode february = awaitEntries(tenant, "?employeeId=" + employee + "&period=2024-02", 1);
        assertThat(february.path("totalHours").asDouble()).isEqualTo(4.0);
        assertThat(timesheet(tenant, "?employeeId=" + employee).path("totalHours").asDouble()).isEqualTo(21.5);
    }

    @Test
    void theSameEventDeliveredTwiceCountsItsHoursOnce() {
        String tenant = newTenant();
        UUID employee = hireId(tenant);
        EventEnvelope<TaskCompleted> first = deliver(tenant, task(employee, 8.0, 10.0, "2024-01-15T17:00:00.000Z"));
        awaitEntries(tenant, "?employeeId=" + employee, 1);
        double duplicatesBefore = duplicates(TASK_COMPLETED);

        redeliver(first);
        await().atMost(WAIT).until(() -> duplicates(TASK_COMPLETED) > duplicatesBefore);

        JsonNode timesheet = timesheet(tenant, "?employeeId=" + employee + "&period=2024-01");
        assertThat(timesheet.path("entries")).hasSize(1);
        assertThat(timesheet.path("totalHours").asDouble()).isEqualTo(10.0);
    }

    @Test
    void theSameTaskRepublishedUnderANewEventIdCountsOnce() {
        String tenant = newTenant();
        UUID employee = hireId(tenant);
        TaskCompleted task = task(employee, 8.0, 10.0, "2024-01-15T17:00:00.000Z");
        EventEnvelope<TaskCompleted> first = deliver(tenant, task);
        awaitEntries(tenant, "?employeeId=" + employee, 1);

        EventEnvelope<TaskCompleted> copy = deliver(tenant, task);
        awaitHandled(copy);

        assertThat(copy.eventId()).isNotEqualTo(first.eventId());
        JsonNode timesheet = timesheet(tenant, "?employeeId=" + employee + "&period=2024-01");
        assertThat(timesheet.path("entries")).hasSize(1);
        assertThat(timesheet.path("totalHours").asDouble()).isEqualTo(10.0);
        assertThat(rows("timesheet_entries", tenant)).isEqualTo(1);
    }

    @Test
    void aTaskCompletedAgainLaterReplacesItsEntryInsteadOfAddingOne() {
        String tenant = newTenant();
        UUID employee = hireId(tenant);
        TaskCompleted task = task(employee, 8.0, 10.0, "2024-01-15T17:00:00.000Z");
        deliver(tenant, task);
        awaitEntries(tenant, "?employeeId=" + employee, 1);

        TaskCompleted reopened = new TaskCompleted(task.taskId(), task.taskName(), task.projectId(), task.projectName(),
                employee, 8.0, 12.0, Instant.parse("2024-01-20T17:00:00.000Z"));
        awaitHandled(deliver(tenant, reopened));
        TaskCompleted stale = new TaskCompleted(task.taskId(), task.taskName(), task.projectId(), task.projectName(),
                employee, 8.0, 3.0, Instant.parse("2024-01-16T17:00:00.000Z"));
        awaitHandled(deliver(tenant, stale));

        JsonNode timesheet = timesheet(tenant, "?employeeId=" + employee);
        assertThat(timesheet.path("entries")).hasSize(1);
        assertThat(timesheet.path("totalHours").asDouble()).isEqualTo(12.0);
    }

    @Test
    void anUnassignedTaskIsRecordedWithoutEmployeeAndCountsZeroWithoutHours() {
        String tenant = newTenant();
        UUID employee = hireId(tenant);
        TaskCompleted unassigned = task(null, null, 6.0, "2024-01-10T10:00:00.000Z");
        TaskCompleted noHours = task(employee, null, null, "2024-01-11T10:00:00.000Z");

        awaitHandled(deliver(tenant, unassigned));
        awaitHandled(deliver(tenant, noHours));

        JsonNode all = timesheet(tenant, "?period=2024-01");
        assertThat(all.has("employeeId")).isFalse();
        assertThat(all.path("entries")).hasSize(2);
        assertThat(all.path("entries").get(0).has("employeeId")).isFalse();
        assertThat(all.path("entries").get(0).path("hours").asDouble()).isEqualTo(6.0);
        assertThat(all.path("entries").get(1).path("hours").asDouble()).isZero();
        assertThat(all.path("entries").get(1).path("hoursSource").asString()).isEqualTo("NONE");
        assertThat(all.path("totalHours").asDouble()).isEqualTo(6.0);
        assertThat(timesheet(tenant, "?employeeId=" + employee).path("totalHours").asDouble()).isZero();
    }

    @Test
    void aResourceThatIsNoEmployeeHereIsRecordedAllTheSame() {
        String tenant = newTenant();
        UUID stranger = UUID.randomUUID();
        assertThat(api(tenant).get("/api/timesheets?employeeId=" + stranger).status()).isEqualTo(404);

        awaitHandled(deliver(tenant, task(stranger, 5.0, null, "2024-01-10T10:00:00.000Z")));

        JsonNode timesheet = timesheet(tenant, "?employeeId=" + stranger + "&period=2024-01");
        assertThat(timesheet.path("entries")).hasSize(1);
        assertThat(timesheet.path("totalHours").asDouble()).isEqualTo(5.0);
        // Known from its entries now: another month is empty, not unknown.
        assertThat(timesheet(tenant, "?employeeId=" + stranger + "&period=2024-02").path("entries")).isEmpty();
    }

    @Test
    void badTimesheetQueriesAreBadRequestsNamingTheParameter() {
        String tenant = newTenant();

        var badPeriod = api(tenant).get("/api/timesheets?period=2024-13");
        var badEmployee = api(tenant).get("/api/timesheets?employeeId=nope");

        assertThat(badPeriod.status()).isEqualTo(400);
        assertThat(badPeriod.json().path("errors").findValuesAsString("field")).containsExactly("period");
        assertThat(badEmployee.status()).isEqualTo(400);
        assertThat(badEmployee.json().path("errors").findValuesAsString("field")).containsExactly("employeeId");
        JsonNode empty = timesheet(tenant, "?period=2024-01");
        assertThat(empty.path("entries")).isEmpty();
        assertThat(empty.path("totalHours").asDouble()).isZero();
    }
}
