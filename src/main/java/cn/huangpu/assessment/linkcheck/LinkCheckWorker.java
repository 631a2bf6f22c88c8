package cn.huangpu.assessment.linkcheck;

import cn.huangpu.assessment.linkcheck.internal.LinkCheck;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs due link checks in the background, outside any process transaction: claims a batch, fetches
 * each link on a bounded pool, records the results. A failure of the checker never touches a process.
 */
@Component
public class LinkCheckWorker {

    private static final Logger log = LoggerFactory.getLogger(LinkCheckWorker.class);

    private final LinkCheckService service;
    private final LinkFetcher fetcher;
    private final LinkCheckSettings settings;
    private final ExecutorService pool;
    private final Semaphore capacity;

    LinkCheckWorker(LinkCheckService service, LinkFetcher fetcher, LinkCheckSettings settings) {
        this.service = service;
        this.fetcher = fetcher;
        this.settings = settings;
        this.pool = Executors.newFixedThreadPool(settings.maxConcurrent(), r -> {
            Thread t = new Thread(r, "link-check");
            t.setDaemon(true);
            return t;
        });
        this.capacity = new Semaphore(settings.maxConcurrent() * 2);
    }

    @Scheduled(fixedDelayString = "${assessment.link-check.poll-interval:PT5S}")
    void poll() {
        if (settings.workerEnabled()) {
            runOnce();
        }
    }

    /** Claims as many due checks as there is room for and starts them; returns how many it started. */
    public List<Future<?>> runOnce() {
        int room = Math.min(capacity.availablePermits(), settings.workerBatch());
        if (room == 0) {
            return List.of();
        }
        List<LinkCheck> claimed = service.claimDue(room);
        return claimed.stream().<Future<?>>map(check -> {
            capacity.acquireUninterruptibly();
            return pool.submit(() -> {
                try {
                    service.record(check.getId(), fetcher.fetch(check.getUrl(), check.getKeyword()));
                } catch (RuntimeException e) {
                    log.warn("Link check {} could not be recorded: {}", check.getId(), e.toString());
                } finally {
                    capacity.release();
                }
            });
        }).toList();
    }

    @PreDestroy
    void stop() throws IOException {
        pool.shutdownNow();
        fetcher.close();
    }
}
