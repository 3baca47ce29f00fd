package org.jiaoyan.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A form submitted twice (a double-click on 保存, a resent request) runs once. Every POST form carries a one-time
 * {@value #PARAM} field ({@link SubmissionKeyFields} adds it next to the CSRF token). The first request with a key runs;
 * a repeat of the same key waits for it and is redirected to where the first one went, so both land on the same new
 * record. A first attempt that did not redirect (the form came back with errors, or failed) forgets the key, so the
 * same form may be sent again. Keys are remembered per user for {@link #TTL}, at most {@link #MAX_KEYS} at a time.
 */
@Component
public class DoubleSubmitGuard implements HandlerInterceptor {

    public static final String PARAM = "_submission";
    static final Duration TTL = Duration.ofMinutes(5);
    static final int MAX_KEYS = 20_000;
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(30);
    private static final String ATTRIBUTE = DoubleSubmitGuard.class.getName();

    private final Map<String, Submission> submissions = new ConcurrentHashMap<>();

    /** One key's first run: done when it has finished; location is where it redirected, null when it did not. */
    private static final class Submission {
        final long started = System.nanoTime();
        final CountDownLatch done = new CountDownLatch(1);
        volatile @Nullable String location;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        String key = key(request);
        if (key == null) {
            return true;
        }
        while (true) {
            Submission mine = new Submission();
            Submission first = submissions.putIfAbsent(key, mine);
            if (first == null) {
                forgetOld();
                request.setAttribute(ATTRIBUTE, new Running(key, mine));
                return true;
            }
            if (!first.done.await(WAIT_FOR_FIRST.toMillis(), TimeUnit.MILLISECONDS)) {
                response.sendError(HttpServletResponse.SC_CONFLICT); // still running after 30 s: do not start it again
                return false;
            }
            String location = first.location;
            if (location != null) {
                response.sendRedirect(location);
                return false;
            }
            // the first attempt did not go through and forgot its key: this one may run (loop to claim the key)
            submissions.remove(key, first);
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                @Nullable Exception ex) {
        if (!(request.getAttribute(ATTRIBUTE) instanceof Running running)) {
            return;
        }
        request.removeAttribute(ATTRIBUTE);
        String location = response.getHeader("Location");
        boolean redirected = ex == null && response.getStatus() >= 300 && response.getStatus() < 400 && location != null;
        if (redirected) {
            running.submission.location = location;
        } else {
            submissions.remove(running.key, running.submission);
        }
        running.submission.done.countDown();
    }

    int remembered() {
        return submissions.size();
    }

    private record Running(String key, Submission submission) {
    }

    /** The user's key of this POST, or null when it carries none (API clients, tests, forms without th:action). */
    private static @Nullable String key(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String key = request.getParameter(PARAM);
        if (key == null || key.isBlank() || key.length() > 64) {
            return null;
        }
        String user = request.getRemoteUser();
        if (user == null && request.getSession(false) != null) {
            user = request.getSession(false).getId();
        }
        return (user == null ? "" : user) + "|" + key;
    }

    /** Drops finished keys past their time; when still over the bound, the oldest finished ones. */
    private void forgetOld() {
        if (submissions.size() <= MAX_KEYS / 2) {
            return;
        }
        long now = System.nanoTime();
        submissions.values().removeIf(s -> s.done.getCount() == 0 && now - s.started > TTL.toNanos());
        Iterator<Map.Entry<String, Submission>> it = submissions.entrySet().iterator();
        while (submissions.size() > MAX_KEYS && it.hasNext()) {
            if (it.next().getValue().done.getCount() == 0) {
                it.remove();
            }
        }
    }
}
