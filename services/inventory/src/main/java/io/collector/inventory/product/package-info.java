/** Products: what is stocked, with the levels that drive low-stock reporting. */
package io.collector.inventory.product;
