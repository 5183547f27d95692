package io.collector.bench;

import org.springframework.transaction.SavepointManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Transactions and savepoints that do nothing, but with Spring's transaction synchronization
 * working as usual (afterCommit callbacks run). Used where the bus runs without a database.
 */
final class NoOpTransactionManager extends AbstractPlatformTransactionManager {

    private static final Object SAVEPOINT = new Object();

    @Override
    protected Object doGetTransaction() {
        return new NoOpTransaction();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
    }

    @Override
    protected void doSetRollbackOnly(DefaultTransactionStatus status) {
    }

    private static final class NoOpTransaction implements SavepointManager {
        @Override
        public Object createSavepoint() {
            return SAVEPOINT;
        }

        @Override
        public void rollbackToSavepoint(Object savepoint) {
        }

        @Override
        public void releaseSavepoint(Object savepoint) {
        }
    }
}
