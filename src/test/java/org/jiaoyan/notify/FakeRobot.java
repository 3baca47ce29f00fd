package org.jiaoyan.notify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A group robot on 127.0.0.1 for tests: answers each POST with the next scripted answer (then {"errcode":0}), records
 * every request and the ones it accepted; with a signing secret it checks DingTalk's timestamp/sign like DingTalk does.
 */
final class FakeRobot implements AutoCloseable {

    record Request(String query, String body, boolean accepted) {
    }

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();
    private @Nullable String secret;

    FakeRobot() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The webhook address (the path is what DingTalk's looks like). */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/robot/send?access_token=test-token";
    }

    /** Answers the next request with this status and body. */
    synchronized FakeRobot then(int status, String body) {
        script.add(new Answer(status, body));
        return this;
    }

    /** Checks DingTalk's signature with this secret (a wrong or missing one gets errcode 310000). */
    synchronized FakeRobot signedWith(String secret) {
        this.secret = secret;
        return this;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Request> accepted() {
        return requests.stream().filter(Request::accepted).toList();
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        Answer answer;
        if (!"POST".equals(exchange.getRequestMethod())) {
            answer = new Answer(405, "");
        } else if (secret != null && !signatureValid(query)) {
            answer = new Answer(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
        } else {
            answer = script.isEmpty() ? new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}") : script.poll();
        }
        boolean ok = answer.status() == 200 && answer.body().contains("\"errcode\":0");
        requests.add(new Request(query == null ? "" : query, body, ok));
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** DingTalk's check: sign = Base64(HmacSHA256(secret, timestamp + "\n" + secret)), sent URL-encoded. */
    private boolean signatureValid(@Nullable String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        String timestamp = params.get("timestamp");
        String sign = params.get("sign");
        if (timestamp == null || sign == null || !"test-token".equals(params.get("access_token"))) {
            return false;
        }
        // DingTalk refuses a timestamp more than an hour away from its clock
        if (Math.abs(System.currentTimeMillis() - Long.parseLong(timestamp)) > 3_600_000L) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = Base64.getEncoder().encodeToString(
                    mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
            return expected.equals(sign);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
