package io.collector.invoices.settings;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceSettingsTests {

    @Test
    void defaultsAreNoTaxThirtyDaysAndIssueByHand() {
        assertThat(InvoiceSettings.DEFAULTS).isEqualTo(new InvoiceSettings(BigDecimal.ZERO, 30, false));
    }

    @Test
    void aChangeKeepsWhatItLeavesOut() {
        InvoiceSettings changed = InvoiceSettings.DEFAULTS.with(new BigDecimal("20.00"), null, null);

        assertThat(changed).isEqualTo(new InvoiceSettings(new BigDecimal("20"), 30, false));
        assertThat(changed.with(null, 14, true)).isEqualTo(new InvoiceSettings(new BigDecimal("20"), 14, true));
    }

    @Test
    void taxRateIsKeptPlain() {
        assertThat(new InvoiceSettings(new BigDecimal("20.0000"), 30, false).taxPercent().toString()).isEqualTo("20");
        assertThat(new InvoiceSettings(new BigDecimal("7.50"), 30, false).taxPercent().toString()).isEqualTo("7.5");
    }

    @Test
    void outOfRangeSettingsAreRefused() {
        assertThatThrownBy(() -> new InvoiceSettings(new BigDecimal("-1"), 30, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvoiceSettings(new BigDecimal("100.01"), 30, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvoiceSettings(new BigDecimal("7.12345"), 30, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvoiceSettings(BigDecimal.TEN, -1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvoiceSettings(BigDecimal.TEN, 3651, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
