package io.collector.crm.customer;

import java.math.BigDecimal;

/**
 * A customer's standing in one currency. {@code outstanding} = Σ (issued − paid) over the invoices
 * whose {@code invoice.issued} arrived (negative when they were overpaid: a credit);
 * {@code lifetimeValue} = Σ paid over all payments.
 */
public record CurrencyBalance(String currency, BigDecimal outstanding, BigDecimal lifetimeValue) {
}
