package org.jiaoyan.plan.export;

import org.jiaoyan.word.OfficialDocument;
import org.jiaoyan.word.HtmlDocx;
import java.util.Locale;
import org.jiaoyan.org.Terms;
import org.jiaoyan.plan.Plan;
import org.jiaoyan.plan.Plans;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 工作总结 as a Word document in the same official style as the plan: the saved summary (or, before one is saved,
 * the draft); its leading unnumbered h2 is the title.
 */
@Component
public class SummaryDocx {

    private final Plans plans;
    private final Terms terms;
    private final SummaryDraft drafts;
    private final MessageSource messages;

    SummaryDocx(Plans plans, Terms terms, SummaryDraft drafts, MessageSource messages) {
        this.plans = plans;
        this.terms = terms;
        this.drafts = drafts;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public ExportFile write(long planId, Locale locale) {
        Plan plan = plans.get(planId);
        Labels labels = new Labels(messages, locale);
        String html = plans.summaryHtml(planId);
        if (html == null || html.isBlank()) {
            html = drafts.html(planId, locale);
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        Element first = body.children().first();
        String title;
        if (first != null && first.normalName().equals("h2") && !first.text().isBlank()
                && !PlanDocx.hasNumber(first.text())) {
            title = first.text().strip();
            first.remove();
        } else {
            title = SummaryDraft.title(plan, labels);
        }
        OfficialDocument doc = new OfficialDocument();
        doc.title(title);
        doc.subtitle(labels.officeLine(plan, terms.get(plan.termId())));
        doc.blankLine();
        new HtmlDocx(doc).write(body);
        return new ExportFile(ExportFile.safeName(title, ".docx"), ExportFile.DOCX, doc.bytes());
    }
}
