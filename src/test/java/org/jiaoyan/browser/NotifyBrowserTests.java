package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiaoyan.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 通知渠道, 发送记录 and 通知设置 as the office head and a teacher see them, on desktop and on a 390 px phone. */
class NotifyBrowserTests extends BrowserTestSupport {

    @Autowired JdbcClient jdbc;

    private void type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
    }

    private void fitsPhone(String path) {
        assertThat(((Number) js("return document.documentElement.scrollWidth;")).intValue())
                .as(path + " fits a 390 px phone").isLessThanOrEqualTo(390);
    }

    @Test
    void officeHeadSetsUpTheSchoolsRobotsAndReadsTheLog() {
        login("jks", TestUsers.DEMO_PASSWORD);
        desktop();
        open("/");
        click("a[href='/notify/channels']");
        wait.until(ExpectedConditions.urlMatches(".*/notify/channels/\\d+$"));
        assertThat(find("h1").getText()).startsWith("通知渠道");
        type("#smtpHost", "smtp.school.test");
        type("#smtpPort", "465");
        type("#newSmtpPassword", "Browser-Secret-2100");
        type("#newDingtalkWebhook", "oapi.dingtalk.com/robot/send");
        click("#channel-form button[type=submit]:not([form])");
        wait.until(ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.cssSelector("#newDingtalkWebhook.is-invalid")));
        assertThat(bodyText()).contains("请输入以 http:// 或 https:// 开头的网址", "请填写发件人地址");
        assertThat(find("#smtpHost").getAttribute("value")).isEqualTo("smtp.school.test");
        assertThat(find("#newSmtpPassword").getAttribute("value")).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain("Browser-Secret-2100");
        screenshot("notify-channels-errors-desktop");

        type("#smtpFrom", "jky@school.test");
        type("#newSmtpPassword", "Browser-Secret-2100");
        type("#newDingtalkWebhook", "https://oapi.dingtalk.com/robot/send?access_token=demo");
        click("#channel-form button[type=submit]:not([form])");
        wait.until(d -> d.getPageSource().contains("通知渠道已保存"));
        assertThat(driver.getPageSource()).doesNotContain("Browser-Secret-2100");
        assertThat(all("#channel-dingtalk button[form=test-dingtalk]")).hasSize(1);

        phone();
        open(driver.getCurrentUrl().replaceFirst("^https?://[^/]+", ""));
        fitsPhone("channel settings");
        screenshot("notify-channels-phone");
        long school = jdbc.sql("select p.institution_id from app_user u join person p on p.id = u.person_id where u.username = 'jks'")
                .query(Long.class).single();
        jdbc.sql("insert into notify_message (dedupe_key, kind, institution_id, title, body, created_at) values (?, 'test', ?, ?, 'x', ?)")
                .params("browser:" + java.util.UUID.randomUUID(), school, "教研周报：第三周各组活动汇总", java.time.LocalDateTime.now()).update();
        long message = jdbc.sql("select max(id) from notify_message").query(Long.class).single();
        jdbc.sql("""
                insert into notify_delivery (message_id, channel, state, attempts, next_attempt_at, sent_at, last_error, created_at, updated_at)
                values (?, 'WECOM', 'SENT', 2, ?, ?, '企业微信群返回 HTTP 500', ?, ?)""")
                .params(message, java.time.LocalDateTime.now(), java.time.LocalDateTime.now(), java.time.LocalDateTime.now(),
                        java.time.LocalDateTime.now()).update();
        long delivery = jdbc.sql("select max(id) from notify_delivery").query(Long.class).single();
        jdbc.sql("insert into notify_attempt (delivery_id, attempt, at, node, outcome, error) values (?, 1, ?, 'node-a', 'FAILED', '企业微信群返回 HTTP 500')")
                .params(delivery, java.time.LocalDateTime.now()).update();
        jdbc.sql("insert into notify_attempt (delivery_id, attempt, at, node, outcome) values (?, 2, ?, 'node-a', 'SENT')")
                .params(delivery, java.time.LocalDateTime.now()).update();
        open("/notify/log");
        assertThat(find("h1").getText()).isEqualTo("发送记录");
        assertThat(bodyText()).contains("教研周报：第三周各组活动汇总", "已发送");
        click("#send-log details.delivery-tries summary");
        assertThat(bodyText()).contains("企业微信群返回 HTTP 500");
        fitsPhone("/notify/log");
        screenshot("notify-log-phone");
        desktop();
        open("/notify/log");
        screenshot("notify-log-desktop");
        assertNoMissingMessages();
        jdbc.sql("update notify_channel_settings set smtp_host = null, dingtalk_webhook = null where institution_id = ?")
                .param(school).update();
    }

    @Test
    void teacherChoosesEmailAndQuietHoursOnAPhone() {
        login("teacher", TestUsers.DEMO_PASSWORD);
        phone();
        open("/notify/preferences");
        assertThat(find("h1").getText()).isEqualTo("通知设置");
        fitsPhone("/notify/preferences");
        click("#emailEnabled1");
        click("#preferences-form button[type=submit]");
        wait.until(ExpectedConditions.presenceOfElementLocated(org.openqa.selenium.By.cssSelector("#email.is-invalid")));
        assertThat(bodyText()).contains("接收邮件时请填写邮箱");
        type("#email", "teacher@school.test");
        js("document.getElementById('quietStart').value = '22:00'; document.getElementById('quietEnd').value = '07:00';");
        click("#preferences-form button[type=submit]");
        wait.until(d -> d.getPageSource().contains("通知设置已保存"));
        assertThat(find("#quietStart").getAttribute("value")).isEqualTo("22:00");
        screenshot("notify-preferences-phone");
        assertNoMissingMessages();
        jdbc.sql("delete from notify_preference where person_id = (select person_id from app_user where username = 'teacher')").update();
    }
}
