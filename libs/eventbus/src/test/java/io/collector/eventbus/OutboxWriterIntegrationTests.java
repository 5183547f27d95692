package io.collector.eventbus;

import io.collector.eventbus.outbox.EventBusSchema;
import io.collector.eventbus.outbox.OutboxStore;
import io.collector.eventbus.outbox.OutboxWriter;
import io.collector.eventbus.outbox.RelaySignal;
import io.collector.events.EventEnvelope;
import io.collector.events.EventReader;
import io.collector.events.EventType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox writer holds a transaction's rows until it commits: the outbox must still end up with
 * exactly the events of the committed work, in publish order, through rollbacks and savepoints.
 */
class OutboxWriterIntegrationTests extends BusIntegrationTest {

    private static final String WRITER_SCHEMA = SCHEMA + "_writer";

    @Autowired DataSource dataSource;
    @Autowired PlatformTransactionManager transactionManager;

    private OutboxWriter writer;
    private TransactionTemplate transaction;
    private TransactionTemplate nested;
    private final String tenant = newTenant();

    @BeforeEach
    void freshOutbox() {
        jdbc.sql("drop schema if exists " + WRITER_SCHEMA + " cascade").update();
        EventBusSchema.migrate(dataSource, WRITER_SCHEMA);
        writer = new OutboxWriter(new OutboxStore(jdbc, WRITER_SCHEMA), new RelaySignal());
        transaction = new TransactionTemplate(transactionManager);
        nested = new TransactionTemplate(transactionManager);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @AfterEach
    void dropOutbox() {
        jdbc.sql("drop schema if exists " + WRITER_SCHEMA + " cascade").update();
    }

    @Test
    void aTransactionsEventsAreInsertedAtItsCommitInPublishOrder() {
        List<String> published = new ArrayList<>();

        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 250; i++) {
                published.add(write());
            }
        });

        assertThat(outbox()).containsExactlyElementsOf(published);
    }

    @Test
    void aTransactionLargerThanWhatIsHeldIsWrittenWholeInPublishOrder() {
        List<String> published = new ArrayList<>();

        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 2500; i++) {
                published.add(write());
            }
        });

        assertThat(outbox()).containsExactlyElementsOf(published);
    }

    @Test
    void aRolledBackTransactionLeavesNothingEvenAfterItsRowsWereWrittenEarly() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 1500; i++) {
                write();
            }
            throw new IllegalStateException("business rule broken");
        })).hasMessage("business rule broken");

        assertThat(outbox()).isEmpty();
    }

    @Test
    void eventsPublishedInANestedTransactionThatRolledBackAreDropped() {
        List<String> kept = new ArrayList<>();

        transaction.executeWithoutResult(status -> {
            kept.add(write());
            failingNested(() -> write());
            kept.add(write());
        });

        assertThat(outbox()).containsExactlyElementsOf(kept);
    }

    @Test
    void aNestedTransactionOpenedBeforeTheFirstEventDropsAllItPublished() {
        List<String> kept = new ArrayList<>();

        transaction.executeWithoutResult(status -> {
            failingNested(() -> {
                write();
                write();
            });
            kept.add(write());
        });

        assertThat(outbox()).containsExactlyElementsOf(kept);
    }

    @Test
    void savepointsWithinSavepointsDropExactlyWhatWasPublishedAfterTheOneRolledBackTo() {
        List<String> kept = new ArrayList<>();

        transaction.executeWithoutResult(status -> {
            kept.add(write());
            nested.executeWithoutResult(outer -> {
                kept.add(write());
                failingNested(() -> write());
                kept.add(write());
            });
            kept.add(write());
        });

        assertThat(outbox()).containsExactlyElementsOf(kept);
    }

    @Test
    void rowsHeldBeforeASavepointAreNotWrittenAfterItSoRollingBackToItKeepsThem() {
        List<String> kept = new ArrayList<>();

        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 600; i++) {
                kept.add(write());
            }
            // Crossing the hold limit inside the savepoint must not write the 600 after it: the rollback would take them.
            failingNested(() -> {
                for (int i = 0; i < 600; i++) {
                    write();
                }
            });
            for (int i = 0; i < 600; i++) {
                kept.add(write());
            }
        });

        assertThat(outbox()).containsExactlyElementsOf(kept);
    }

    @Test
    void aSavepointRolledBackByHandAsTheDispatcherDoesDropsTheEventsAfterIt() {
        List<String> kept = new ArrayList<>();

        transaction.executeWithoutResult(status -> {
            kept.add(write());
            Object savepoint = status.createSavepoint();
            write();
            status.rollbackToSavepoint(savepoint);
            Object next = status.createSavepoint();
            kept.add(write());
            status.releaseSavepoint(next);
        });

        assertThat(outbox()).containsExactlyElementsOf(kept);
    }

    @Test
    void anEventPublishedOutsideATransactionIsInsertedAtOnce() {
        String eventId = write();

        assertThat(outbox()).containsExactly(eventId);
    }

    private void failingNested(Runnable work) {
        assertThatThrownBy(() -> nested.executeWithoutResult(inner -> {
            work.run();
            throw new IllegalStateException("nested work failed");
        })).hasMessage("nested work failed");
    }

    private String write() {
        EventEnvelope<?> event = example(EventType.STOCK_LOW, tenant);
        writer.write(event, EventReader.validBytes(event), null);
        return event.eventId().toString();
    }

    /** Event ids in the outbox, in id (insertion) order. */
    private List<String> outbox() {
        return jdbc.sql("select event_id::text from " + WRITER_SCHEMA + ".outbox order by id").query(String.class).list();
    }
}
