package com.acme.payment.domain.testing;

import com.acme.payment.domain.port.out.TransactionRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs work directly and counts transactions, for unit tests of services. Work that throws rolls back as a
 * database would: what fakes registered with {@link #onRollback} since its start is undone, newest first.
 */
public final class ImmediateTransactions implements TransactionRunner {

    private final List<Runnable> undoLog = new ArrayList<>();
    private int started;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        started++;
        int mark = undoLog.size();
        try {
            T result = work.get();
            if (mark == 0) {
                undoLog.clear(); // the outermost transaction committed
            }
            return result;
        } catch (RuntimeException | Error e) {
            while (undoLog.size() > mark) {
                undoLog.remove(undoLog.size() - 1).run();
            }
            throw e;
        }
    }

    /** What a fake stored in the current transaction, undone if it rolls back. */
    public void onRollback(Runnable undo) {
        undoLog.add(undo);
    }

    public int started() {
        return started;
    }
}
