package org.jiaoyan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.UUID;
import org.jiaoyan.TestUsers;
import org.jiaoyan.notify.NoticeRequest;
import org.jiaoyan.notify.Notices;
import org.jiaoyan.security.CurrentUser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** 通知: the teacher sees new notices in the bell and the inbox, on desktop and phone, and opens one. */
class NoticeBrowserTests extends BrowserTestSupport {

    @Autowired Notices notices;
    @Autowired UserDetailsService users;
    @Autowired JdbcClient jdbc;

    private void send(long person, String title, String body, String link) {
        notices.send(new NoticeRequest(person, "test", title, body, link, "browser:" + UUID.randomUUID()));
    }

    @Test
    void teacherReadsNoticesOnDesktopAndPhone() {
        CurrentUser teacher = TestUsers.load(users, "teacher");
        long person = teacher.personId();
        jdbc.sql("update notice set read_at = ? where person_id = ? and read_at is null")
                .params(LocalDateTime.now(), person).update();
        send(person, "教研活动提醒：语文组集体备课", "时间：周三下午第二节\n地点：三楼会议室", "/terms");
        send(person, "请在周五前提交第三周教案", "教科室将于下周一检查各备课组的教案，请按学期计划准时上传。", null);

        login("teacher", TestUsers.DEMO_PASSWORD);
        desktop();
        open("/notices");
        assertThat(find("h1").getText()).isEqualTo("通知");
        assertThat(bodyText()).contains("教研活动提醒：语文组集体备课", "地点：三楼会议室", "全部标为已读");
        assertThat(find("#notice-bell .notice-count").getText()).isEqualTo("2");
        assertThat(all("#notices a.notice-unread")).hasSize(2);
        screenshot("notices-desktop");

        click("#notice-filter a[href$='unread=true']");
        wait.until(ExpectedConditions.urlContains("unread=true"));
        wait.until(d -> d.findElement(By.cssSelector("#notice-filter a[href$='unread=true']")).getAttribute("class").contains("active"));
        assertThat(all("#notices a.notice")).hasSize(2);

        phone();
        open("/notices");
        assertThat(bodyText()).contains("教研活动提醒：语文组集体备课");
        assertThat(((Number) js("return document.documentElement.scrollWidth;")).intValue())
                .as("/notices fits a 390 px phone").isLessThanOrEqualTo(390);
        assertThat(find("#notice-bell").isDisplayed()).isTrue();
        screenshot("notices-phone");

        var reminder = driver.findElement(By.xpath("//a[contains(@class, 'notice')][contains(., '语文组集体备课')]"));
        js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", reminder);
        reminder.click();
        wait.until(ExpectedConditions.urlMatches("/terms$"));
        open("/notices");
        assertThat(find("#notice-bell .notice-count").getText()).isEqualTo("1");
        assertThat(all("#notices a.notice-unread")).hasSize(1);
        screenshot("notices-phone-one-read");

        click("#mark-all-read button");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")));
        assertThat(find(".alert-success").getText()).contains("已将全部通知标为已读");
        assertThat(all("#notices a.notice-unread")).isEmpty();
        assertThat(all("#notice-bell .notice-count")).isEmpty();
    }
}
