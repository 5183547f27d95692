/** {@code stock.low} → a draft purchase order line. */
package io.collector.procurement.purchaseorder.messaging;
