/** REST API of purchase orders: {@code /api/purchase-orders}. */
package io.collector.procurement.purchaseorder.web;
