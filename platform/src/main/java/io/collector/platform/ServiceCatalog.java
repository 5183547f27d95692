package io.collector.platform;

import io.collector.accounting.AccountingApplication;
import io.collector.crm.CrmApplication;
import io.collector.delivery.DeliveryApplication;
import io.collector.hr.HrApplication;
import io.collector.inventory.InventoryApplication;
import io.collector.invoices.InvoicesApplication;
import io.collector.offers.OffersApplication;
import io.collector.orders.OrdersApplication;
import io.collector.procurement.ProcurementApplication;
import io.collector.projects.ProjectsApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The services the platform runs, in start order (consumers before the producers that feed them). */
final class ServiceCatalog {

    static final Map<String, Supplier<SpringApplicationBuilder>> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put(AccountingApplication.NAME, AccountingApplication::application);
        SERVICES.put(HrApplication.NAME, HrApplication::application);
        SERVICES.put(ProjectsApplication.NAME, ProjectsApplication::application);
        SERVICES.put(CrmApplication.NAME, CrmApplication::application);
        SERVICES.put(InvoicesApplication.NAME, InvoicesApplication::application);
        SERVICES.put(ProcurementApplication.NAME, ProcurementApplication::application);
        SERVICES.put(InventoryApplication.NAME, InventoryApplication::application);
        SERVICES.put(DeliveryApplication.NAME, DeliveryApplication::application);
        SERVICES.put(OrdersApplication.NAME, OrdersApplication::application);
        SERVICES.put(OffersApplication.NAME, OffersApplication::application);
    }

    private ServiceCatalog() {
    }
}
