/** The Offers service: quotes to customers with server-computed totals; approving one publishes {@code offer.approved}. */
package io.collector.offers;
