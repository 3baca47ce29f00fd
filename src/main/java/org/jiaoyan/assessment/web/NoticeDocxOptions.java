package org.jiaoyan.assessment.web;

/**
 * Options of the 通报 download: with the 红头 unless switched off. The page's checkbox sends the field marker
 * {@code _redHeader}, so an unticked box binds false while a plain link (no parameter) keeps the default.
 */
public class NoticeDocxOptions {

    private boolean redHeader = true;

    public boolean isRedHeader() { return redHeader; }
    public void setRedHeader(boolean redHeader) { this.redHeader = redHeader; }
}
