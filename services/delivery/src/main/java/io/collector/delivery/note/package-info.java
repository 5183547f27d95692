/** Delivery notes: the aggregate with its status machine, its warehouse allocation, storage and use cases. */
package io.collector.delivery.note;
