package com.acme.payment.adapter.postgres;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bucket4j's token buckets in the rate_limit_buckets table, written by compare-and-swap: a read, then one
 * conditional insert or update, each on its own in autocommit. Bucket4j's own PostgreSQL backend locks the row in a
 * transaction instead (five round trips for a new subject, which every customer is), and this runs on every
 * create-intent. A lost swap is retried by Bucket4j with the newer state.
 */
class PostgresBucketTable extends AbstractCompareAndSwapBasedProxyManager<String> {

    private final JdbcClient jdbc;
    private final ExpirationAfterWriteStrategy expiration;

    PostgresBucketTable(DataSource dataSource, ExpirationAfterWriteStrategy expiration) {
        super(ClientSideConfig.getDefault().withExpirationAfterWriteStrategy(expiration));
        this.jdbc = JdbcClient.create(dataSource);
        this.expiration = expiration;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return jdbc.sql("SELECT state FROM rate_limit_buckets WHERE id = ?").param(key)
                        .query((row, n) -> row.getBytes(1)).optional();
            }

            @Override
            public boolean compareAndSwap(byte[] original, byte[] updated, RemoteBucketState state,
                                          Optional<Long> timeoutNanos) {
                long expiresAt = System.currentTimeMillis()
                        + expiration.calculateTimeToLiveMillis(state, currentTimeNanos());
                if (original == null) {
                    // A row without state is one that Bucket4j's locking backend inserted before it wrote one.
                    return jdbc.sql("""
                                    INSERT INTO rate_limit_buckets (id, state, expires_at) VALUES (?, ?, ?)
                                    ON CONFLICT (id) DO UPDATE SET state = excluded.state, expires_at = excluded.expires_at
                                        WHERE rate_limit_buckets.state IS NULL""")
                            .params(key, updated, expiresAt).update() == 1;
                }
                return jdbc.sql("UPDATE rate_limit_buckets SET state = ?, expires_at = ? WHERE id = ? AND state = ?")
                        .params(updated, expiresAt, key, original).update() == 1;
            }
        };
    }

    /** Rows of buckets that are full again; those a swap is writing are left for the next round. */
    int removeExpired(int batchSize) {
        return jdbc.sql("""
                        DELETE FROM rate_limit_buckets WHERE id IN (
                            SELECT id FROM rate_limit_buckets WHERE expires_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)""")
                .params(System.currentTimeMillis(), batchSize).update();
    }

    @Override
    public void removeProxy(String key) {
        jdbc.sql("DELETE FROM rate_limit_buckets WHERE id = ?").param(key).update();
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException();
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException();
    }
}
