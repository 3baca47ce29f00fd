package org.jiaoyan.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookAddressTests {

    private static final String DING = "https://oapi.dingtalk.com/robot/send?access_token=5e2b0c8c6f0a4d3b9f1e7a2c4b6d8f0a1c3e5a7b9d1f3a5c7e9b1d3f5a7c3f9a";

    @Test
    void aWebhookIsShownWithHostAndPathButOnlyTheLastFourCharactersOfItsToken() {
        assertThat(WebhookAddress.masked(DING)).isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=****3f9a");
        assertThat(WebhookAddress.masked("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"))
                .isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****5aaa");
        // short values are hidden entirely; a token in the path too; user info never shown
        assertThat(WebhookAddress.masked("http://127.0.0.1:8080/robot/send?access_token=test-token&x=1"))
                .isEqualTo("http://127.0.0.1:8080/robot/send?access_token=****&x=****");
        assertThat(WebhookAddress.masked("https://open.feishu.cn/open-apis/bot/v2/hook/0b2c4d6e-8f0a-4b1c-9d2e-3f4a5b6c7d8e"))
                .isEqualTo("https://open.feishu.cn/open-apis/bot/v2/hook/****7d8e");
        assertThat(WebhookAddress.masked("https://user:pa55word@hooks.example/x")).isEqualTo("https://hooks.example/x");
        assertThat(WebhookAddress.masked("not a url")).isEqualTo("****");
        assertThat(WebhookAddress.masked(null)).isNull();
    }

    @Test
    void everyAddressInAnOldAuditEntryIsMaskedAndAMaskedOneStaysAsItIs() {
        String entry = "dingtalkWebhook: ∅ → " + DING + "; smtpHost: ∅ → smtp.school.test; wecomWebhook: "
                + "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7d2e-4bc4-97a0-0ec2b1fa5aaa → ∅";
        String masked = WebhookAddress.maskAll(entry);
        assertThat(masked).isEqualTo("dingtalkWebhook: ∅ → https://oapi.dingtalk.com/robot/send?access_token=****3f9a; "
                + "smtpHost: ∅ → smtp.school.test; wecomWebhook: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=****5aaa → ∅");
        assertThat(WebhookAddress.maskAll(masked)).isEqualTo(masked);
        assertThat(WebhookAddress.masked(WebhookAddress.masked(DING))).isEqualTo(WebhookAddress.masked(DING));
    }

    @Test
    void aFailureReasonThatRepeatsTheAddressOrItsTokenLosesThem() {
        String url = "http://127.0.0.1:9/robot/send?access_token=test-token&timestamp=1767225600000&sign=abc%2Bdef%3D";
        assertThat(WebhookAddress.scrub("无法连接钉钉群：POST " + url + " refused", url))
                .isEqualTo("无法连接钉钉群：POST http://127.0.0.1:9/robot/send?access_token=****&timestamp=****&sign=**** refused")
                .doesNotContain("test-token");
        assertThat(WebhookAddress.scrub("钉钉群返回错误 300001：token test-token is not exist", url))
                .isEqualTo("钉钉群返回错误 300001：token **** is not exist");
        // URL-decoded forms too
        assertThat(WebhookAddress.scrub("bad sign abc+def=", url)).isEqualTo("bad sign ****");
        assertThat(WebhookAddress.scrub("企业微信群返回 HTTP 500", url)).isEqualTo("企业微信群返回 HTTP 500");
    }
}
