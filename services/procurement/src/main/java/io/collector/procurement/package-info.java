/** Procurement service: suppliers, and purchase orders drafted when stock runs low. */
package io.collector.procurement;
