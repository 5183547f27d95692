/** REST API of suppliers: {@code /api/suppliers}. */
package io.collector.procurement.supplier.web;
