package io.collector.crm.customer.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CountryCodeTests {

    @ParameterizedTest
    @ValueSource(strings = {"DE", "US", "FR", "ch", "Gb"})
    void isoAlpha2CodesAreCountries(String code) {
        assertThat(CountryCode.Validator.isCountry(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "DEU", "D", "", "Germany", "U1", "ZZ"})
    void anythingElseIsNot(String code) {
        assertThat(CountryCode.Validator.isCountry(code)).isFalse();
    }
}
