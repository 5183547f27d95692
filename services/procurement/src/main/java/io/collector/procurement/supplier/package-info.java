/** Suppliers and the products each supplies. */
package io.collector.procurement.supplier;
