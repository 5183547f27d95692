/**
 * What an operator needs when events fail: browse, replay and discard the messages of the
 * service's dead-letter queues ({@link io.collector.eventbus.operations.DeadLetters}), and see and
 * retry outbox rows the relay could not send ({@link io.collector.eventbus.operations.OutboxOperations}).
 * Framework-light on purpose: the service's admin API (libs/service-support) is a thin layer over it.
 */
package io.collector.eventbus.operations;
