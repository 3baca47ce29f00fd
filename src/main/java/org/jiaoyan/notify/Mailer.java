package org.jiaoyan.notify;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends one plain-text e-mail (UTF-8, so Chinese subjects and bodies arrive intact) through a school's own server: a
 * JavaMailSenderImpl is built from the stored settings for every message, nothing comes from application.yml.
 */
@Component
class Mailer {

    private static final String TIMEOUT_MS = "15000";

    private final Reasons reasons;

    Mailer(Reasons reasons) {
        this.reasons = reasons;
    }

    SendResult send(SmtpServer server, String to, String subject, String text) {
        JavaMailSenderImpl sender = sender(server);
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(server.from(), reasons.text("app.name"));
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, false);
            sender.send(message);
            return SendResult.SENT;
        } catch (MessagingException | UnsupportedEncodingException e) {
            return SendResult.failedForGood(reasons.text("notify.error.mailAddress", Reasons.detail(e)));
        } catch (MailAuthenticationException e) {
            return SendResult.failed(reasons.text("notify.error.mailLogin", Reasons.detail(e)));
        } catch (MailException e) {
            return SendResult.failed(describe(server, e));
        }
    }

    private String describe(SmtpServer server, MailException e) {
        String where = server.host() + ":" + server.port();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return reasons.text("notify.error.mailUnknownHost", server.host());
            }
            if (t instanceof ConnectException) {
                return reasons.text("notify.error.mailConnect", where, Reasons.detail(t));
            }
            if (t instanceof SocketTimeoutException) {
                return reasons.text("notify.error.mailTimeout", where);
            }
        }
        return reasons.text("notify.error.mailRejected", Reasons.detail(e));
    }

    static JavaMailSenderImpl sender(SmtpServer server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(server.host());
        sender.setPort(server.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        boolean login = server.username() != null && !server.username().isBlank();
        if (login) {
            sender.setUsername(server.username());
            sender.setPassword(server.password());
        }
        Properties p = sender.getJavaMailProperties();
        p.setProperty("mail.smtp.auth", String.valueOf(login));
        p.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MS);
        p.setProperty("mail.smtp.timeout", TIMEOUT_MS);
        p.setProperty("mail.smtp.writetimeout", TIMEOUT_MS);
        if (server.tls()) {
            if (server.port() == 465) {
                p.setProperty("mail.smtp.ssl.enable", "true");
            } else {
                p.setProperty("mail.smtp.starttls.enable", "true");
                p.setProperty("mail.smtp.starttls.required", "true");
            }
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        return sender;
    }
}
