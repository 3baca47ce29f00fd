package org.jiaoyan.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records a token's last use at most once a minute, off the request thread: a conditional update (so several nodes
 * write at most once a minute too) on one background thread with a bounded queue. A full queue or a failed update
 * only loses a "last used" time; it never delays or fails the API call.
 */
@Component
class LastUseRecorder {

    private static final Logger log = LoggerFactory.getLogger(LastUseRecorder.class);
    private static final Duration EVERY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Cache<Long, Boolean> recently = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(EVERY).build();
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(500), r -> {
                Thread t = new Thread(r, "token-last-use");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    LastUseRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void tokenUsed(long tokenId) {
        if (recently.asMap().putIfAbsent(tokenId, Boolean.TRUE) != null) {
            return;
        }
        writer.execute(() -> {
            try {
                LocalDateTime now = LocalDateTime.now();
                jdbc.sql("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                        .params(now, tokenId, now.minus(EVERY)).update();
            } catch (RuntimeException e) {
                log.debug("token {}: last use not recorded: {}", tokenId, e.toString());
            }
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(2, TimeUnit.SECONDS);
    }
}
