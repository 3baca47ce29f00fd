package org.jiaoyan.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhooksTests {

    @Test
    void dingTalkSignIsTheUrlEncodedBase64HmacOfTimestampNewlineSecret() throws Exception {
        String secret = "SECabc+/=";
        long timestamp = 1_767_225_600_000L;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));

        String sign = Webhooks.dingTalkSign(secret, timestamp);
        assertThat(sign).doesNotContain("+", "/", "=");
        assertThat(URLDecoder.decode(sign, StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void onlyHttpAndHttpsAddressesWithAHostAreWebhooks() {
        assertThat(SchoolChannels.isWebUrl(null)).isTrue();
        assertThat(SchoolChannels.isWebUrl("  ")).isTrue();
        assertThat(SchoolChannels.isWebUrl("https://oapi.dingtalk.com/robot/send?access_token=abc")).isTrue();
        assertThat(SchoolChannels.isWebUrl("http://127.0.0.1:8080/hook")).isTrue();
        assertThat(SchoolChannels.isWebUrl("ftp://example.com/x")).isFalse();
        assertThat(SchoolChannels.isWebUrl("javascript:alert(1)")).isFalse();
        assertThat(SchoolChannels.isWebUrl("oapi.dingtalk.com/robot/send")).isFalse();
        assertThat(SchoolChannels.isWebUrl("https:///nohost")).isFalse();
        assertThat(SchoolChannels.isWebUrl("https://exa mple.com")).isFalse();
    }
}
