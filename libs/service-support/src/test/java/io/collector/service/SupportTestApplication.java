package io.collector.service;

import io.collector.service.tenant.CurrentTenant;
import io.collector.service.web.ConflictException;
import io.collector.service.web.NotFoundException;
import io.collector.service.web.UnprocessableException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** A tiny service whose endpoints exercise what the support library provides. */
@SpringBootApplication
public class SupportTestApplication {

    record Line(@NotBlank String description, @Positive int quantity) {
    }

    record Order(@NotBlank String customer, @NotEmpty List<@Valid Line> lines) {
    }

    @RestController
    static class ProbeController {

        @GetMapping("/api/whoami")
        Map<String, String> whoami() {
            return Map.of("tenant", CurrentTenant.id(), "user", CurrentTenant.user(), "correlationId", MDC.get("correlationId"));
        }

        @PostMapping("/api/orders")
        Order create(@Valid @RequestBody Order order) {
            return order;
        }

        @GetMapping("/api/orders/{id}")
        Order get(@PathVariable java.util.UUID id) {
            throw new NotFoundException("Order", id);
        }

        @PostMapping("/api/orders/{id}/approve")
        void approve(@PathVariable String id) {
            throw new ConflictException("Order " + id + " is CANCELLED and cannot be approved");
        }

        @PostMapping("/api/orders/{id}/pay")
        void pay(@PathVariable String id) {
            throw new UnprocessableException("Payment exceeds the amount due");
        }

        @GetMapping("/api/admin/ping")
        String adminPing() {
            return "pong";
        }
    }
}
