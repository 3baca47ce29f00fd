package org.jiaoyan.shared;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.ApplicationListener;

/**
 * A diagnostic for the startup time (issue 10): with {@code -Djiaoyan.startup.trace=true} the app records Spring's
 * startup steps and, once ready, logs the 40 slowest by their own time (a bean's creation minus the beans it created on
 * the way), e.g. {@code startup step 612 ms spring.beans.instantiate flywayInitializer}. Off by default: recording costs
 * a little time itself.
 */
public final class StartupTrace {

    private static final Logger log = LoggerFactory.getLogger(StartupTrace.class);
    private static final int SHOWN = 40;

    private StartupTrace() {
    }

    public static void attachIfRequested(SpringApplication app) {
        if (!Boolean.getBoolean("jiaoyan.startup.trace")) {
            return;
        }
        var recorded = new BufferingApplicationStartup(50_000);
        app.setApplicationStartup(recorded);
        app.addListeners((ApplicationListener<ApplicationReadyEvent>) ready -> {
            Map<Long, Long> ownNanos = new HashMap<>();
            Map<Long, String> names = new HashMap<>();
            for (var event : recorded.getBufferedTimeline().getEvents()) {
                var step = event.getStartupStep();
                StringBuilder name = new StringBuilder(step.getName());
                step.getTags().forEach(tag -> {
                    if (tag.getKey().equals("beanName")) {
                        name.append(' ').append(tag.getValue());
                    }
                });
                names.put(step.getId(), name.toString());
                long nanos = event.getDuration().toNanos();
                ownNanos.merge(step.getId(), nanos, Long::sum);
                if (step.getParentId() != null) {
                    ownNanos.merge(step.getParentId(), -nanos, Long::sum);
                }
            }
            ownNanos.entrySet().stream().sorted(Map.Entry.<Long, Long>comparingByValue().reversed()).limit(SHOWN)
                    .forEach(e -> log.info("startup step {} ms {}", e.getValue() / 1_000_000, names.get(e.getKey())));
        });
    }
}
