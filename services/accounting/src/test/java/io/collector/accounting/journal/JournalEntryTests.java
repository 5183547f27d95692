package io.collector.accounting.journal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static io.collector.accounting.journal.JournalLine.credit;
import static io.collector.accounting.journal.JournalLine.debit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalEntryTests {

    private static final EventSource SOURCE = new EventSource("e-1", "invoice.issued", "inv-1", "INV-1");

    private static JournalEntry draft(JournalLine... lines) {
        return JournalEntry.draft("tenant", Instant.parse("2024-01-15T14:30:00Z"), "test", SOURCE, List.of(lines));
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void balancedEntryIsConstructedWithAmountsAtScaleTwo() {
        JournalEntry entry = draft(debit("1200", money("1500"), "USD"), credit("4000", money("1250.0"), "USD"),
                credit("2100", money("250.00"), "USD"));

        assertThat(entry.lines()).extracting(JournalLine::debit).extracting(BigDecimal::toPlainString)
                .containsExactly("1500.00", "0.00", "0.00");
        assertThat(entry.totals()).singleElement().satisfies(totals -> {
            assertThat(totals.debit()).isEqualByComparingTo("1500");
            assertThat(totals.credit()).isEqualByComparingTo("1500");
        });
        assertThat(entry.entryNumber()).isNull();
    }

    @Test
    void unbalancedEntryIsRefused() {
        assertThatThrownBy(() -> draft(debit("1200", money("1500.00"), "USD"), credit("4000", money("1400.00"), "USD")))
                .isInstanceOf(UnbalancedEntryException.class)
                .hasMessageContaining("USD debits 1500.00 differ from its credits 1400.00");
    }

    @Test
    void entryMustBalanceInEveryCurrencyNotJustInSum() {
        assertThatThrownBy(() -> draft(debit("1200", money("100.00"), "USD"), credit("4000", money("100.00"), "EUR")))
                .isInstanceOf(UnbalancedEntryException.class);
        JournalEntry twoCurrencies = draft(debit("1200", money("100.00"), "USD"), credit("4000", money("100.00"), "USD"),
                debit("1200", money("90.00"), "EUR"), credit("4000", money("90.00"), "EUR"));
        assertThat(twoCurrencies.totals()).extracting(JournalEntry.Totals::currency).containsExactly("EUR", "USD");
    }

    @Test
    void entryNeedsAtLeastTwoLines() {
        assertThatThrownBy(() -> draft(debit("1200", money("1.00"), "USD"))).isInstanceOf(UnbalancedEntryException.class)
                .hasMessageContaining("at least two lines");
        assertThatThrownBy(JournalEntryTests::draft).isInstanceOf(UnbalancedEntryException.class);
    }

    @Test
    void lineIsEitherADebitOrACreditAboveZero() {
        assertThatThrownBy(() -> new JournalLine("1200", money("1.00"), money("1.00"), "USD"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> debit("1200", BigDecimal.ZERO, "USD")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> debit("1200", money("-5.00"), "USD")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void amountsThatWouldNeedRoundingOrDoNotFitAreRefused() {
        assertThatThrownBy(() -> debit("1200", money("1.005"), "USD")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2 decimals");
        assertThatThrownBy(() -> debit("1200", money("100000000000000000.00"), "USD"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(debit("1200", money("99999999999999999.99"), "USD").debit()).isEqualTo(JournalLine.MAX_AMOUNT);
        assertThat(debit("1200", money("2.500"), "USD").debit().toPlainString()).isEqualTo("2.50");
    }

    @Test
    void lineCurrencyIsAnIsoCode() {
        assertThatThrownBy(() -> debit("1200", money("1.00"), "usd")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void postingNumbersADraftOnce() {
        JournalEntry draft = draft(debit("1000", money("5.00"), "EUR"), credit("1200", money("5.00"), "EUR"));
        Instant now = Instant.parse("2024-01-16T10:00:00Z");

        JournalEntry posted = draft.posted("JE-2024-001", now);

        assertThat(posted.id()).isEqualTo(draft.id());
        assertThat(posted.entryNumber()).isEqualTo("JE-2024-001");
        assertThat(posted.postedAt()).isEqualTo(now);
        assertThat(posted.lines()).isEqualTo(draft.lines());
        assertThatThrownBy(() -> posted.posted("JE-2024-002", now)).isInstanceOf(IllegalStateException.class);
    }
}
