package com.lightningpos.pos.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.TransactionContext;
import org.jooq.TransactionProvider;
import org.junit.jupiter.api.Test;

class SerializedWriteTransactionsTest {

    final List<String> calls = new ArrayList<>();
    boolean failCommit;
    boolean failBegin;

    final TransactionProvider delegate = new TransactionProvider() {
        @Override
        public synchronized void begin(TransactionContext ctx) {
            calls.add("begin");
            if (failBegin) {
                throw new IllegalStateException("begin failed");
            }
        }

        @Override
        public synchronized void commit(TransactionContext ctx) {
            calls.add("commit");
            if (failCommit) {
                throw new IllegalStateException("commit failed");
            }
        }

        @Override
        public synchronized void rollback(TransactionContext ctx) {
            calls.add("rollback");
        }
    };

    final SerializedWriteTransactions provider = new SerializedWriteTransactions(delegate);

    @Test
    void a_second_writer_begins_only_after_the_first_has_committed() throws Exception {
        TransactionContext first = context();
        provider.begin(first);
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            started.countDown();
            TransactionContext ctx = context();
            provider.begin(ctx);
            provider.commit(ctx);
        });
        started.await();

        assertThat(second).isNotDone();
        provider.commit(first);
        second.get(30, TimeUnit.SECONDS);

        assertThat(calls).containsExactly("begin", "commit", "begin", "commit");
    }

    @Test
    void nested_transactions_re_enter_and_a_failed_commit_followed_by_a_rollback_releases_once() throws Exception {
        TransactionContext outer = context();
        TransactionContext nested = context();
        provider.begin(outer);
        provider.begin(nested);
        provider.commit(nested);
        failCommit = true;
        assertThatThrownBy(() -> provider.commit(outer)).hasMessage("commit failed");
        provider.rollback(outer);
        failCommit = false;

        assertThat(otherThreadCanWrite()).isTrue();
    }

    @Test
    void a_begin_that_fails_does_not_keep_the_lock() throws Exception {
        failBegin = true;
        assertThatThrownBy(() -> provider.begin(context())).hasMessage("begin failed");
        failBegin = false;

        assertThat(otherThreadCanWrite()).isTrue();
    }

    private boolean otherThreadCanWrite() throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            TransactionContext ctx = context();
            provider.begin(ctx);
            provider.commit(ctx);
            return true;
        }).get(30, TimeUnit.SECONDS);
    }

    private static TransactionContext context() {
        Map<Object, Object> data = new HashMap<>();
        TransactionContext ctx = mock(TransactionContext.class);
        when(ctx.data()).thenReturn(data);
        doAnswer(inv -> data.put(inv.getArgument(0), inv.getArgument(1))).when(ctx).data(any(), any());
        return ctx;
    }
}
