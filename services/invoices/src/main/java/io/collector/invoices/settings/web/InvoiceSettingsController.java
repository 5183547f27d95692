package io.collector.invoices.settings.web;

import io.collector.invoices.settings.InvoiceSettingsManagement;
import io.collector.service.tenant.CurrentTenant;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's tenant's invoicing settings; they apply to invoices drafted from then on. */
@RestController
@RequestMapping("/api/invoice-settings")
class InvoiceSettingsController {

    private final InvoiceSettingsManagement settings;

    InvoiceSettingsController(InvoiceSettingsManagement settings) {
        this.settings = settings;
    }

    @GetMapping
    InvoiceSettingsResponse get() {
        return InvoiceSettingsResponse.of(settings.of(CurrentTenant.id()));
    }

    /** 200 with the settings now in force; fields left out keep their value; 400 with the invalid fields. */
    @PutMapping
    InvoiceSettingsResponse change(@Valid @RequestBody InvoiceSettingsRequest request) {
        return InvoiceSettingsResponse.of(settings.change(CurrentTenant.id(), request.taxPercent(),
                request.paymentTermsDays(), request.autoIssue()));
    }
}
