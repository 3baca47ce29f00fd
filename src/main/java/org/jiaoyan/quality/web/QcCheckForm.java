package org.jiaoyan.quality.web;

import java.time.LocalDate;
import org.jiaoyan.quality.QcCheck;
import org.jiaoyan.quality.QcCheckData;
import org.jiaoyan.quality.QcResult;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The 质控检查 form; the department comes from the page (?unit=) or the record. */
public class QcCheckForm implements QualityRecordController.RecordForm<QcCheckData> {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate checkedOn;
    private @Nullable String item;
    private @Nullable Long checkerId;
    private @Nullable QcResult result = QcResult.PASSED;
    private @Nullable String findings;
    private @Nullable String rectification;
    private int version;

    static QcCheckForm of(QcCheck c) {
        QcCheckForm f = new QcCheckForm();
        f.checkedOn = c.checkedOn();
        f.item = c.item();
        f.checkerId = c.checkerId();
        f.result = c.result();
        f.findings = c.findings();
        f.rectification = c.rectification();
        f.version = c.version();
        return f;
    }

    @Override
    public QcCheckData data(long unitId) {
        return new QcCheckData(unitId, checkedOn, item, checkerId, result, findings, rectification);
    }

    public @Nullable LocalDate getCheckedOn() { return checkedOn; }
    public void setCheckedOn(@Nullable LocalDate checkedOn) { this.checkedOn = checkedOn; }
    public @Nullable String getItem() { return item; }
    public void setItem(@Nullable String item) { this.item = item; }
    public @Nullable Long getCheckerId() { return checkerId; }
    public void setCheckerId(@Nullable Long checkerId) { this.checkerId = checkerId; }
    public @Nullable QcResult getResult() { return result; }
    public void setResult(@Nullable QcResult result) { this.result = result; }
    public @Nullable String getFindings() { return findings; }
    public void setFindings(@Nullable String findings) { this.findings = findings; }
    public @Nullable String getRectification() { return rectification; }
    public void setRectification(@Nullable String rectification) { this.rectification = rectification; }
    @Override
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
