/** REST API of offers ({@code /api/offers}): requests, responses, and calls to {@code OfferManagement}. */
package io.collector.offers.offer.web;
