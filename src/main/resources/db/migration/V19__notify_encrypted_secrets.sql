-- 通知渠道 secrets are stored encrypted (AES-GCM, shared.SecretCipher): "v1:<key id>:<base64>" is about 4/3 of the
-- secret's UTF-8 bytes plus 50 characters, so the four secret columns grow to hold the longest value the form accepts
-- (500 characters of up to 3 bytes each). Existing plain values are encrypted by the application at its next start
-- (notify.PlainSecretsAtStart): SQL has no key.
alter table notify_channel_settings alter column smtp_password set data type varchar(2100);
alter table notify_channel_settings alter column dingtalk_webhook set data type varchar(2100);
alter table notify_channel_settings alter column dingtalk_secret set data type varchar(2100);
alter table notify_channel_settings alter column wecom_webhook set data type varchar(2100);
