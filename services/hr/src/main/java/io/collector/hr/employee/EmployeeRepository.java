package io.collector.hr.employee;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class EmployeeRepository {

    private static final String COLUMNS = "id, tenant_id, employee_number, first_name, last_name, email, position,"
            + " department, hire_date, salary, currency, created_at";

    private final JdbcClient jdbc;

    EmployeeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean emailTaken(String tenantId, String email) {
        return jdbc.sql("select exists (select 1 from employees where tenant_id = :tenant and lower(email) = lower(:email))")
                .param("tenant", tenantId)
                .param("email", email)
                .query(Boolean.class)
                .single();
    }

    /** False when the tenant already has an employee with this e-mail address (a concurrent hire). */
    boolean insert(Employee employee) {
        return jdbc.sql("""
                        insert into employees (id, tenant_id, employee_number, first_name, last_name, email, position,
                                               department, hire_date, salary, currency, created_at)
                        values (:id, :tenant, :number, :firstName, :lastName, :email, :position,
                                :department, :hireDate, :salary, :currency, :createdAt)
                        on conflict do nothing""")
                .param("id", employee.id())
                .param("tenant", employee.tenantId())
                .param("number", employee.employeeNumber())
                .param("firstName", employee.firstName())
                .param("lastName", employee.lastName())
                .param("email", employee.email())
                .param("position", employee.position())
                .param("department", employee.department())
                .param("hireDate", employee.hireDate())
                .param("salary", employee.salary())
                .param("currency", employee.currency())
                .param("createdAt", Timestamp.from(employee.createdAt()))
                .update() == 1;
    }

    Optional<Employee> find(String tenantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from employees where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId)
                .param("id", id)
                .query(EmployeeRepository::map)
                .optional();
    }

    boolean exists(String tenantId, UUID id) {
        return jdbc.sql("select exists (select 1 from employees where tenant_id = :tenant and id = :id)")
                .param("tenant", tenantId)
                .param("id", id)
                .query(Boolean.class)
                .single();
    }

    /** In hiring order, which is number order. */
    List<Employee> findAll(String tenantId) {
        return jdbc.sql("select " + COLUMNS + " from employees where tenant_id = :tenant"
                        + " order by length(employee_number), employee_number")
                .param("tenant", tenantId)
                .query(EmployeeRepository::map)
                .list();
    }

    List<Employee> hiredOnOrBefore(String tenantId, LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from employees where tenant_id = :tenant and hire_date <= :day"
                        + " order by length(employee_number), employee_number")
                .param("tenant", tenantId)
                .param("day", day)
                .query(EmployeeRepository::map)
                .list();
    }

    private static Employee map(ResultSet rs, int row) throws SQLException {
        return new Employee(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("employee_number"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"), rs.getString("position"),
                rs.getString("department"), rs.getObject("hire_date", LocalDate.class), rs.getBigDecimal("salary"),
                rs.getString("currency"), rs.getTimestamp("created_at").toInstant());
    }
}
