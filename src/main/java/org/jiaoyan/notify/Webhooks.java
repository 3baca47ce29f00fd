package org.jiaoyan.notify;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts Markdown to group robots: DingTalk (custom robot, optionally signed) and WeCom (群机器人). Both answer HTTP 200
 * with {"errcode":0,"errmsg":"ok"}; any other errcode is a failure with its errmsg as the reason.
 */
@Component
class Webhooks {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Reasons reasons;

    Webhooks(Reasons reasons) {
        this.reasons = reasons;
    }

    /**
     * The client is made on the first send, not with the bean: building it sets up TLS (≈ 0.4 s of a start that
     * mostly never sends a webhook).
     */
    private static final class Client {
        static final HttpClient HTTP = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A DingTalk markdown message; with a secret the URL gets &timestamp=…&sign=… (DingTalk's 加签). */
    SendResult dingTalk(String webhook, @Nullable String secret, String title, String text, List<String> atMobiles) {
        String url = webhook;
        if (secret != null && !secret.isBlank()) {
            long timestamp = System.currentTimeMillis();
            url += (webhook.contains("?") ? "&" : "?") + "timestamp=" + timestamp + "&sign=" + dingTalkSign(secret, timestamp);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgtype", "markdown");
        body.put("markdown", Map.of("title", title, "text", text));
        body.put("at", Map.of("atMobiles", atMobiles));
        return post(url, JSON.writeValueAsString(body), reasons.text("notify.channel.DINGTALK"));
    }

    /** A WeCom markdown message. */
    SendResult weCom(String webhook, String content) {
        Map<String, Object> body = Map.of("msgtype", "markdown", "markdown", Map.of("content", content));
        return post(webhook, JSON.writeValueAsString(body), reasons.text("notify.channel.WECOM"));
    }

    /** DingTalk's signature: Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret)), URL-encoded. */
    static String dingTalkSign(String secret, long timestampMillis) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Posts and reads the answer; a failure's reason never carries the address's token (see WebhookAddress). */
    private SendResult post(String url, String json, String service) {
        SendResult result = send(url, json, service);
        return result.ok() || result.error() == null ? result
                : new SendResult(false, WebhookAddress.scrub(result.error(), url), result.isFinal());
    }

    private SendResult send(String url, String json, String service) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(ANSWER_TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return SendResult.failedForGood(reasons.text("notify.error.badAddress", service));
        }
        HttpResponse<String> response;
        try {
            response = Client.HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            return SendResult.failed(reasons.text("notify.error.connectTimeout", service));
        } catch (HttpTimeoutException e) {
            return SendResult.failed(reasons.text("notify.error.answerTimeout", service));
        } catch (IOException e) {
            return SendResult.failed(reasons.text("notify.error.connect", service, Reasons.detail(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.failed(reasons.text("notify.error.interrupted"));
        } catch (IllegalArgumentException e) {
            // an address the client refuses (its message would repeat the address, token and all)
            return SendResult.failedForGood(reasons.text("notify.error.badAddress", service));
        }
        if (response.statusCode() / 100 != 2) {
            return SendResult.failed(reasons.text("notify.error.httpStatus", service, String.valueOf(response.statusCode())));
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            int errcode = answer.path("errcode").asInt(0);
            if (errcode != 0) {
                String errmsg = answer.path("errmsg").asString("");
                return SendResult.failed(reasons.text("notify.error.remote", service, String.valueOf(errcode), shorten(errmsg)));
            }
            return SendResult.SENT;
        } catch (JacksonException e) {
            // the body itself is not repeated: a webhook may point anywhere, and its answer is none of the page's business
            return SendResult.failed(reasons.text("notify.error.unreadableAnswer", service));
        }
    }

    private static String shorten(@Nullable String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        return t.length() > 200 ? t.substring(0, 199) + "…" : t;
    }
}
