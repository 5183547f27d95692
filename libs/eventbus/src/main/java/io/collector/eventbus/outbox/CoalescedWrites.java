package io.collector.eventbus.outbox;

import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.impl.AMQConnection;
import com.rabbitmq.client.impl.Frame;
import com.rabbitmq.client.impl.FrameHandler;
import com.rabbitmq.client.impl.FrameHandlerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets the relay hand a run of publishes to the kernel in a few writes instead of one per message.
 * The RabbitMQ client flushes its socket after every command; for the relay that was half of its
 * thread's CPU, and a packet per message for the broker to read (bench/README.md). While a
 * {@link #hold()} is open on a thread, flushes that thread asks of a connection made by
 * {@link #connectionFactory()} are held back until {@link Held#flush()} or {@link Held#close()}; the
 * client's 8 KiB buffer still goes out whenever it fills. Whoever holds must flush before it waits
 * for anything the broker is to answer, or it waits for messages that were never sent.
 */
public final class CoalescedWrites {

    private static final ThreadLocal<Held> HELD = new ThreadLocal<>();

    private CoalescedWrites() {
    }

    /** A RabbitMQ connection factory whose connections honour {@link #hold()}; otherwise the client's own. */
    public static ConnectionFactory connectionFactory() {
        ConnectionFactory factory = new ConnectionFactory() {
            @Override
            protected synchronized FrameHandlerFactory createFrameHandlerFactory() throws IOException {
                FrameHandlerFactory plain = super.createFrameHandlerFactory();
                return (address, connectionName) -> new HoldingFrameHandler(plain.create(address, connectionName));
            }
        };
        // As Spring's own factory has it: the bus reopens lost connections and channels itself.
        factory.setAutomaticRecoveryEnabled(false);
        return factory;
    }

    /** Holds this thread's flushes until the returned scope flushes or closes. */
    static Held hold() {
        Held held = new Held();
        HELD.set(held);
        return held;
    }

    /** The flushes held on one thread. */
    static final class Held implements AutoCloseable {

        private final List<FrameHandler> unflushed = new ArrayList<>(1);

        private void add(FrameHandler handler) {
            if (!unflushed.contains(handler)) {
                unflushed.add(handler);
            }
        }

        /** Sends what was held so far; the scope stays open. */
        void flush() throws IOException {
            for (FrameHandler handler : unflushed) {
                handler.flush();
            }
            unflushed.clear();
        }

        /** Ends the scope and sends what was held. */
        @Override
        public void close() throws IOException {
            HELD.remove();
            flush();
        }
    }

    /** The client's frame handler with its flush deferred inside a {@link #hold()}. */
    private static final class HoldingFrameHandler implements FrameHandler {

        private final FrameHandler plain;

        HoldingFrameHandler(FrameHandler plain) {
            this.plain = plain;
        }

        @Override
        public void flush() throws IOException {
            Held held = HELD.get();
            if (held == null) {
                plain.flush();
            } else {
                held.add(plain);
            }
        }

        @Override
        public void writeFrame(Frame frame) throws IOException {
            plain.writeFrame(frame);
        }

        @Override
        public Frame readFrame() throws IOException {
            return plain.readFrame();
        }

        @Override
        public boolean internalHearbeat() {
            return plain.internalHearbeat();
        }

        @Override
        public void setTimeout(int timeoutMs) throws SocketException {
            plain.setTimeout(timeoutMs);
        }

        @Override
        public int getTimeout() throws SocketException {
            return plain.getTimeout();
        }

        @Override
        public void sendHeader() throws IOException {
            plain.sendHeader();
        }

        @Override
        public void initialize(AMQConnection connection) {
            plain.initialize(connection);
        }

        @Override
        public void finishConnectionNegotiation() {
            plain.finishConnectionNegotiation();
        }

        @Override
        public void close() {
            plain.close();
        }

        @Override
        public InetAddress getAddress() {
            return plain.getAddress();
        }

        @Override
        public int getPort() {
            return plain.getPort();
        }

        @Override
        public InetAddress getLocalAddress() {
            return plain.getLocalAddress();
        }

        @Override
        public int getLocalPort() {
            return plain.getLocalPort();
        }
    }
}
