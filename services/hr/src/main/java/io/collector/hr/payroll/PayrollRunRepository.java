package io.collector.hr.payroll;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class PayrollRunRepository {

    private static final String COLUMNS = "id, tenant_id, period, currency, total_amount, employee_count, processed_at";

    private final JdbcClient jdbc;

    PayrollRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the run and its lines; false (nothing stored) when the period already has a run in that currency. */
    boolean insert(PayrollRun run) {
        boolean inserted = jdbc.sql("""
                        insert into payroll_runs (id, tenant_id, period, currency, total_amount, employee_count, processed_at)
                        values (:id, :tenant, :period, :currency, :total, :count, :processedAt)
                        on conflict (tenant_id, period, currency) do nothing""")
                .param("id", run.id())
                .param("tenant", run.tenantId())
                .param("period", run.period().toString())
                .param("currency", run.currency())
                .param("total", run.totalAmount())
                .param("count", run.employeeCount())
                .param("processedAt", Timestamp.from(run.processedAt()))
                .update() == 1;
        if (!inserted) {
            return false;
        }
        for (PayrollLine line : run.lines()) {
            jdbc.sql("""
                            insert into payroll_lines (payroll_run_id, tenant_id, employee_id, employee_number, first_name,
                                                       last_name, monthly_salary, days_employed, days_in_period, amount)
                            values (:run, :tenant, :employee, :number, :firstName, :lastName, :salary, :days, :daysInPeriod,
                                    :amount)""")
                    .param("run", run.id())
                    .param("tenant", run.tenantId())
                    .param("employee", line.employeeId())
                    .param("number", line.employeeNumber())
                    .param("firstName", line.firstName())
                    .param("lastName", line.lastName())
                    .param("salary", line.monthlySalary())
                    .param("days", line.daysEmployed())
                    .param("daysInPeriod", line.daysInPeriod())
                    .param("amount", line.amount())
                    .update();
        }
        return true;
    }

    /** The run with its lines, in employee number order. */
    Optional<PayrollRun> find(String tenantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from payroll_runs where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId)
                .param("id", id)
                .query((rs, row) -> map(rs, List.of()))
                .optional()
                .map(run -> run.withLines(linesOf(tenantId, id)));
    }

    /** The tenant's runs without their lines, newest period first; of one period when given. */
    List<PayrollRun> findAll(String tenantId, YearMonth period) {
        String where = period == null ? "" : " and period = :period";
        JdbcClient.StatementSpec query = jdbc.sql("select " + COLUMNS + " from payroll_runs where tenant_id = :tenant"
                        + where + " order by period desc, currency")
                .param("tenant", tenantId);
        if (period != null) {
            query = query.param("period", period.toString());
        }
        return query.query((rs, row) -> map(rs, List.of())).list();
    }

    private List<PayrollLine> linesOf(String tenantId, UUID runId) {
        return jdbc.sql("""
                        select employee_id, employee_number, first_name, last_name, monthly_salary, days_employed,
                               days_in_period, amount
                        from payroll_lines where tenant_id = :tenant and payroll_run_id = :run
                        order by length(employee_number), employee_number""")
                .param("tenant", tenantId)
                .param("run", runId)
                .query((rs, row) -> new PayrollLine(rs.getObject("employee_id", UUID.class), rs.getString("employee_number"),
                        rs.getString("first_name"), rs.getString("last_name"), rs.getBigDecimal("monthly_salary"),
                        rs.getInt("days_employed"), rs.getInt("days_in_period"), rs.getBigDecimal("amount")))
                .list();
    }

    private static PayrollRun map(ResultSet rs, List<PayrollLine> lines) throws SQLException {
        return new PayrollRun(rs.getObject("id", UUID.class), rs.getString("tenant_id"),
                YearMonth.parse(rs.getString("period")), rs.getString("currency"), rs.getBigDecimal("total_amount"),
                rs.getInt("employee_count"), rs.getTimestamp("processed_at").toInstant(), lines);
    }
}
