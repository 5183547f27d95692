/** The offer aggregate, its totals and status rules, its table and its use cases. */
package io.collector.offers.offer;
