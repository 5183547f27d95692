/** Purchase orders: the aggregate with its status machine, the reorder rule, storage and use cases. */
package io.collector.procurement.purchaseorder;
