package org.jiaoyan.notify;

/** Where a delivery goes; the message key notify.channel.&lt;NAME&gt; labels it (站内通知, 邮件, 钉钉群, 企业微信群). */
public enum Channel {
    INBOX, EMAIL, DINGTALK, WECOM;

    public String messageKey() {
        return "notify.channel." + name();
    }
}
