/** The transactional outbox: rows written in the caller's transaction, sent by a confirming relay. */
package io.collector.eventbus.outbox;
