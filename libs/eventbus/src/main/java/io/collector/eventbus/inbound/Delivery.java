package io.collector.eventbus.inbound;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Envelope;

/** A message as the broker delivered it, with the acks of the channel it must be settled on. */
record Delivery(AckFrontier acks, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {

    long tag() {
        return envelope.getDeliveryTag();
    }

    Object header(String name) {
        return properties.getHeaders() == null ? null : properties.getHeaders().get(name);
    }
}
