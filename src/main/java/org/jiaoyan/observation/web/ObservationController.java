package org.jiaoyan.observation.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiaoyan.dictionary.DictKind;
import org.jiaoyan.dictionary.Dictionaries;
import org.jiaoyan.observation.EvaluationForm;
import org.jiaoyan.observation.FormVersion;
import org.jiaoyan.observation.EvaluationForms;
import org.jiaoyan.observation.LessonType;
import org.jiaoyan.observation.Observation;
import org.jiaoyan.observation.ObservationFilter;
import org.jiaoyan.observation.ObservationRow;
import org.jiaoyan.observation.Observations;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.Terms;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 听课记录: the list, entry on a phone, one observation with the teacher's acknowledgement, a teacher's term log. */
@Controller
@RequestMapping("/observations")
class ObservationController {

    private final Observations observations;
    private final EvaluationForms forms;
    private final Terms terms;
    private final Dictionaries dictionaries;
    private final MessageSource messages;
    private final ObservationExports exports;
    private final OrgUnits units;

    ObservationController(Observations observations, EvaluationForms forms, Terms terms, Dictionaries dictionaries,
                          MessageSource messages, ObservationExports exports, OrgUnits units) {
        this.units = units;
        this.observations = observations;
        this.forms = forms;
        this.terms = terms;
        this.dictionaries = dictionaries;
        this.messages = messages;
        this.exports = exports;
    }

    @InitBinder("form")
    void binder(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("nav", "observations");
    }

    // ------------------------------------------------------------------ list

    @GetMapping
    String list(@RequestParam(required = false) ObservationFilter.@Nullable Whose whose,
                @RequestParam(required = false) @Nullable Long term, @RequestParam(required = false) @Nullable LessonType type,
                @RequestParam(required = false) @Nullable Long school,
                @RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable Integer page,
                @RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String dir,
                Model model, @RequestHeader(value = "HX-Request", required = false) @Nullable String hx) {
        model.addAttribute("page", observations.list(filter(whose, term, type, school, q), PageQuery.of(page, 20, sort, dir)));
        model.addAttribute("whose", whose);
        model.addAttribute("term", term);
        model.addAttribute("type", type);
        model.addAttribute("school", school);
        model.addAttribute("schools", units.institutions());
        model.addAttribute("q", q);
        model.addAttribute("terms", terms.all());
        model.addAttribute("lessonTypes", LessonType.values());
        model.addAttribute("subjects", dictionaries.labelsByCode(DictKind.SUBJECT));
        return hx != null ? "observation/observation-list :: results" : "observation/observation-list";
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) ObservationFilter.@Nullable Whose whose,
                                  @RequestParam(required = false) @Nullable Long term,
                                  @RequestParam(required = false) @Nullable LessonType type,
                                  @RequestParam(required = false) @Nullable Long school,
                                  @RequestParam(defaultValue = "") String q, Locale locale) {
        List<ObservationRow> rows = observations.export(filter(whose, term, type, school, q));
        return ObservationExports.download(exports.listXlsx(msg("observation.list.title"), rows, dictionaries.labelsByCode(DictKind.SUBJECT), locale));
    }

    private ObservationFilter filter(ObservationFilter.@Nullable Whose whose, @Nullable Long term,
                                     @Nullable LessonType type, @Nullable Long school, String q) {
        SchoolTerm t = term == null ? null : terms.get(term);
        return new ObservationFilter(t == null ? null : t.startDate(), t == null ? null : t.endDate(), whose, null, null, type, q,
                school);
    }

    // ------------------------------------------------------------------ entry

    @GetMapping("/new")
    String createForm(@ModelAttribute("form") ObservationForm form, Model model) {
        return formView(form, null, model);
    }

    @PostMapping("/new")
    String create(@ModelAttribute("form") ObservationForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        var data = form.data(result);
        if (!result.hasErrors()) {
            try {
                long id = observations.create(data);
                Flash.success(redirect, "observation.saved");
                return "redirect:/observations/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return formView(form, null, model);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Observation o = observations.get(id);
        return formView(ObservationForm.of(o), o, model);
    }

    @PostMapping("/{id}/edit")
    String edit(@PathVariable long id, @ModelAttribute("form") ObservationForm form, BindingResult result, Model model,
                RedirectAttributes redirect) {
        Observation o = observations.get(id);
        var data = form.data(result);
        if (!result.hasErrors()) {
            try {
                observations.update(id, form.getVersion(), data);
                Flash.success(redirect, "observation.saved");
                return "redirect:/observations/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result);
            }
        }
        return formView(form, o, model);
    }

    private String formView(ObservationForm form, @Nullable Observation existing, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        FormVersion version;
        if (existing != null) {
            version = observations.formOf(existing);
        } else {
            List<EvaluationForm> usable = observations.usableForms();
            model.addAttribute("forms", usable);
            if (form.getFormId() == null && !usable.isEmpty()) {
                form.setFormId(usable.get(0).id());
            }
            version = form.getFormId() == null ? null : forms.current(form.getFormId());
            model.addAttribute("colleagues", observations.colleagues());
        }
        model.addAttribute("version", version);
        model.addAttribute("lessonTypes", LessonType.values());
        model.addAttribute("subjects", dictionaries.labelsByCode(DictKind.SUBJECT));
        return "observation/observation-form";
    }

    // ------------------------------------------------------------------ one observation

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Observation o = observations.get(id);
        model.addAttribute("o", o);
        model.addAttribute("version", observations.formOf(o));
        model.addAttribute("rights", observations.rights(o));
        model.addAttribute("subjects", dictionaries.labelsByCode(DictKind.SUBJECT));
        return "observation/observation-detail";
    }

    @PostMapping("/{id}/acknowledge")
    String acknowledge(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) @Nullable String reply,
                       RedirectAttributes redirect) {
        Flash.outcome(redirect, "observation.acknowledged", () -> observations.acknowledge(id, version, reply));
        return "redirect:/observations/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            observations.delete(id, version);
            Flash.success(redirect, "observation.deleted");
            return "redirect:/observations";
        } catch (StaleEditException e) {
            Flash.error(redirect, e.messageKey());
            return "redirect:/observations/" + id;
        }
    }

    @GetMapping("/recycle-bin")
    String recycleBin(Model model) {
        model.addAttribute("rows", observations.deleted());
        return "observation/observation-recycle-bin";
    }

    @PostMapping("/{id}/restore")
    String restore(@PathVariable long id, RedirectAttributes redirect) {
        observations.restore(id);
        Flash.success(redirect, "restored");
        return "redirect:/observations/" + id;
    }

    // ------------------------------------------------------------------ 听课记录 of a teacher for a term

    @GetMapping("/log")
    String log(@RequestParam(required = false) @Nullable Long teacher, @RequestParam(required = false) @Nullable Long term,
               Model model) {
        Log log = log(teacher, term);
        model.addAttribute("log", log);
        model.addAttribute("terms", terms.all());
        model.addAttribute("subjects", dictionaries.labelsByCode(DictKind.SUBJECT));
        return "observation/observation-log";
    }

    @GetMapping("/log.docx")
    ResponseEntity<byte[]> logDocx(@RequestParam(required = false) @Nullable Long teacher,
                                   @RequestParam(required = false) @Nullable Long term) {
        Log log = log(teacher, term);
        return ObservationExports.download(exports.logDocx(log.teacher(), log.termLabel(), log.rows(),
                observations.scoreSheets(log.rows()), dictionaries.labelsByCode(DictKind.SUBJECT), typeLabels()));
    }

    @GetMapping("/log.xlsx")
    ResponseEntity<byte[]> logXlsx(@RequestParam(required = false) @Nullable Long teacher,
                                   @RequestParam(required = false) @Nullable Long term, Locale locale) {
        Log log = log(teacher, term);
        return ObservationExports.download(exports.listXlsx(log.teacher().name() + log.termLabel() + msg("observation.log.title"),
                log.rows(), dictionaries.labelsByCode(DictKind.SUBJECT), locale));
    }

    /** One teacher's observations in one term (default: the user, the current term). */
    record Log(Observations.Colleague teacher, SchoolTerm term, String termLabel, List<ObservationRow> rows) {
    }

    private Log log(@Nullable Long teacher, @Nullable Long term) {
        Long who = teacher != null ? teacher : Access.user().personId();
        if (who == null) {
            throw new NotFoundException();
        }
        SchoolTerm t = term != null ? terms.get(term)
                : terms.current().orElseGet(() -> terms.all().stream().findFirst().orElseThrow(NotFoundException::new));
        Observations.Colleague person = observations.colleague(who);
        boolean en = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        return new Log(person, t, en ? t.labelEn() : t.label(), observations.log(who, t.startDate(), t.endDate()));
    }

    private Map<LessonType, String> typeLabels() {
        Map<LessonType, String> m = new LinkedHashMap<>();
        for (LessonType t : LessonType.values()) {
            m.put(t, msg(t.messageKey()));
        }
        return m;
    }

    private String msg(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

}
