package io.collector.crm.customer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@Repository
class CustomerRepository {

    private static final String COLUMNS = "id, tenant_id, name, email, phone, known, created_at";

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Customer customer) {
        insertRow(customer, false);
        List<Address> addresses = customer.addresses();
        for (int position = 0; position < addresses.size(); position++) {
            Address address = addresses.get(position);
            jdbc.sql("""
                            insert into customer_addresses (id, tenant_id, customer_id, position, label, line1, line2,
                                                            postal_code, city, country)
                            values (:id, :tenant, :customer, :position, :label, :line1, :line2, :postalCode, :city, :country)""")
                    .param("id", address.id())
                    .param("tenant", customer.tenantId())
                    .param("customer", customer.id())
                    .param("position", position)
                    .param("label", address.label())
                    .param("line1", address.line1())
                    .param("line2", address.line2())
                    .param("postalCode", address.postalCode())
                    .param("city", address.city())
                    .param("country", address.country())
                    .update();
        }
    }

    /** Inserts the placeholder unless the tenant has a customer with its id (also one inserted concurrently); true if inserted. */
    boolean insertIfAbsent(Customer placeholder) {
        return insertRow(placeholder, true);
    }

    private boolean insertRow(Customer customer, boolean ifAbsent) {
        return jdbc.sql("""
                        insert into customers (id, tenant_id, name, email, phone, known, created_at)
                        values (:id, :tenant, :name, :email, :phone, :known, :created)"""
                        + (ifAbsent ? " on conflict (tenant_id, id) do nothing" : ""))
                .param("id", customer.id())
                .param("tenant", customer.tenantId())
                .param("name", customer.name())
                .param("email", customer.email())
                .param("phone", customer.phone())
                .param("known", customer.known())
                .param("created", Timestamp.from(customer.createdAt()))
                .update() == 1;
    }

    Optional<Customer> find(String tenantId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from customers where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId)
                .param("id", id)
                .query(CustomerRepository::map)
                .optional()
                .map(row -> row.with(addresses(tenantId, List.of(id)).getOrDefault(id, List.of())));
    }

    /**
     * The tenant's customers whose name contains {@code nameContains} (any case; null for all), by
     * name, placeholders (no name) last.
     */
    List<Customer> search(String tenantId, String nameContains, int limit) {
        String filter = nameContains == null ? "" : " and lower(name) like :pattern escape '\\'";
        var statement = jdbc.sql("select " + COLUMNS + " from customers where tenant_id = :tenant" + filter
                        + " order by lower(name) nulls last, created_at, id limit :limit")
                .param("tenant", tenantId)
                .param("limit", limit);
        if (nameContains != null) {
            statement = statement.param("pattern", "%" + likeEscaped(nameContains.toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        List<Row> rows = statement.query(CustomerRepository::map).list();
        Map<UUID, List<Address>> addresses = addresses(tenantId, rows.stream().map(Row::id).toList());
        return rows.stream().map(row -> row.with(addresses.getOrDefault(row.id(), List.of()))).toList();
    }

    private Map<UUID, List<Address>> addresses(String tenantId, Collection<UUID> customerIds) {
        Map<UUID, List<Address>> byCustomer = new LinkedHashMap<>();
        if (customerIds.isEmpty()) {
            return byCustomer;
        }
        jdbc.sql("""
                        select customer_id, id, label, line1, line2, postal_code, city, country from customer_addresses
                        where tenant_id = :tenant and customer_id in (:customers) order by customer_id, position""")
                .param("tenant", tenantId)
                .param("customers", List.copyOf(customerIds))
                .query(rs -> {
                    byCustomer.computeIfAbsent(rs.getObject("customer_id", UUID.class), id -> new ArrayList<>())
                            .add(new Address(rs.getObject("id", UUID.class), rs.getString("label"), rs.getString("line1"),
                                    rs.getString("line2"), rs.getString("postal_code"), rs.getString("city"),
                                    rs.getString("country")));
                });
        return byCustomer;
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private record Row(UUID id, String tenantId, String name, String email, String phone, boolean known,
                       java.time.Instant createdAt) {
        Customer with(List<Address> addresses) {
            return new Customer(id, tenantId, name, email, phone, known, createdAt, addresses);
        }
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("tenant_id"), rs.getString("name"),
                rs.getString("email"), rs.getString("phone"), rs.getBoolean("known"),
                rs.getTimestamp("created_at").toInstant());
    }
}
