package org.jiaoyan.activity.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.activity.Activities;
import org.jiaoyan.activity.Activity;
import org.jiaoyan.activity.ActivityFilter;
import org.jiaoyan.activity.Attendance;
import org.jiaoyan.activity.CollectivePrep;
import org.jiaoyan.activity.PrepStep;
import org.jiaoyan.files.FileDownload;
import org.jiaoyan.files.Uploads;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.plan.RecordKind;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** 教研活动: list, create, the activity page (方案/记录/总结, sign-in, 体会, photos) and the QR sign-in. */
@Controller
@RequestMapping("/activities")
class ActivityController {

    private final Activities activities;
    private final PlanItems planItems;
    private final Uploads uploads;
    private final CollectivePrep prep;
    private final org.jiaoyan.org.OrgUnits orgUnits;
    private final org.springframework.context.MessageSource messages;
    private final org.jiaoyan.observation.Observations observations;
    private final org.jiaoyan.files.Attachments attachments;

    ActivityController(Activities activities, PlanItems planItems, Uploads uploads, CollectivePrep prep,
                       org.jiaoyan.org.OrgUnits orgUnits, org.springframework.context.MessageSource messages,
                       org.jiaoyan.observation.Observations observations, org.jiaoyan.files.Attachments attachments) {
        this.attachments = attachments;
        this.activities = activities;
        this.planItems = planItems;
        this.uploads = uploads;
        this.prep = prep;
        this.orgUnits = orgUnits;
        this.messages = messages;
        this.observations = observations;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("nav", "activities");
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable Long type, @RequestParam(required = false) @Nullable Long unit,
                @RequestParam(required = false) @Nullable Long school,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                @RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable Integer page,
                @RequestParam(required = false) @Nullable String sort, @RequestParam(required = false) @Nullable String dir,
                Model model, @RequestHeader(value = "HX-Request", required = false) @Nullable String hx) {
        ActivityFilter filter = new ActivityFilter(type, unit, from, to, q, school);
        model.addAttribute("page", activities.list(filter, PageQuery.of(page, 20, sort, dir)));
        model.addAttribute("f", filter);
        model.addAttribute("types", activities.types());
        model.addAttribute("units", activities.organiserUnits());
        model.addAttribute("schools", orgUnits.institutions());
        model.addAttribute("canCreate", !activities.organiserUnits().isEmpty());
        model.addAttribute("canConfigure", !orgUnits.managedInstitutions().isEmpty());
        return hx != null ? "activity/activity-list :: results" : "activity/activity-list";
    }

    /** The list as filtered, every page (at most 10,000 rows), as .xlsx. */
    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) @Nullable Long type, @RequestParam(required = false) @Nullable Long unit,
                                  @RequestParam(required = false) @Nullable Long school,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                                  @RequestParam(defaultValue = "") String q, java.util.Locale locale) {
        ActivityFilter filter = new ActivityFilter(type, unit, from, to, q, school);
        List<org.jiaoyan.activity.ActivityRow> rows = PageQuery.allPages(page -> activities.list(filter, page));
        String name = messages.getMessage("activity.list.title", null, locale) + "-" + LocalDate.now() + ".xlsx";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(ActivityListXlsx.write(rows, messages, locale));
    }

    @GetMapping("/types")
    String types(Model model) {
        model.addAttribute("rows", activities.typeRows());
        List<org.jiaoyan.org.OrgUnit> schools = orgUnits.managedInstitutions();
        model.addAttribute("schools", schools);
        model.addAttribute("managed", schools.stream().map(org.jiaoyan.org.OrgUnit::id).toList());
        return "activity/activity-types";
    }

    @PostMapping("/types")
    String addType(@RequestParam long institutionId, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        try {
            activities.addType(institutionId, name);
            Flash.success(redirect, "activity.types.added");
        } catch (ValidationException e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/activities/types";
    }

    @PostMapping("/types/{typeId}/delete")
    String removeType(@PathVariable long typeId, RedirectAttributes redirect) {
        activities.removeType(typeId);
        Flash.success(redirect, "activity.types.removed");
        return "redirect:/activities/types";
    }

    /**
     * The empty form; unitId (e.g. from a project's work tab, its 课题组) preselects the organising unit when the user
     * may organise for it, and is ignored otherwise.
     */
    @GetMapping("/new")
    String createForm(@RequestParam(required = false) @Nullable Long planItem,
                      @RequestParam(required = false) @Nullable String unitId, Model model) {
        ActivityForm form = new ActivityForm();
        form.setDate(LocalDate.now());
        form.setPlanItemId(planItem);
        List<org.jiaoyan.org.OrgUnit> units = activities.organiserUnits();
        Long wanted = org.jiaoyan.web.Typed.parseLong(unitId);
        units.stream().filter(u -> wanted != null && u.id() == wanted).findFirst()
                .or(() -> units.stream().findFirst())
                .ifPresent(u -> form.setOrganiserUnitId(u.id()));
        activities.types().stream().findFirst().ifPresent(t -> form.setTypeId(t.id()));
        return formView(form, null, model);
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute("form") ActivityForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = activities.create(form.data());
                Flash.success(redirect, "saved");
                return "redirect:/activities/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return formView(form, null, model);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Activity a = activities.get(id);
        return formView(ActivityForm.of(a), a, model);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ActivityForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        Activity a = activities.get(id);
        if (!result.hasErrors()) {
            try {
                activities.update(id, form.getVersion(), form.data());
                Flash.success(redirect, "saved");
                return "redirect:/activities/" + id;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result);
            }
        }
        return formView(form, a, model);
    }

    private String formView(ActivityForm form, @Nullable Activity existing, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("activity", existing);
        Map<String, String> units = new LinkedHashMap<>();
        activities.organiserUnits().forEach(u -> units.put(String.valueOf(u.id()), u.displayName()));
        model.addAttribute("units", units);
        Map<String, String> types = new LinkedHashMap<>();
        activities.types().forEach(t -> types.put(String.valueOf(t.id()), t.name()));
        model.addAttribute("types", types);
        Map<String, String> items = new LinkedHashMap<>();
        planItems.linkable(RecordKind.ACTIVITY, LocalDate.now()).forEach(t ->
                items.put(String.valueOf(t.item().id()), t.item().timeLabel() + " · " + t.item().content() + "（" + t.unitName() + "）"));
        model.addAttribute("planItems", items);
        return "activity/activity-form";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        Activity a = activities.get(id);
        LocalDateTime now = LocalDateTime.now();
        List<Attendance> attendance = activities.attendance(id);
        model.addAttribute("a", a);
        model.addAttribute("now", now);
        model.addAttribute("organiser", activities.canOrganise(a.organiserUnitId()));
        model.addAttribute("participant", activities.isParticipant(id));
        model.addAttribute("attendance", attendance);
        model.addAttribute("signedCount", attendance.stream().filter(x -> x.signedAt() != null).count());
        model.addAttribute("reflections", activities.reflections(id));
        model.addAttribute("files", activities.files(id));
        model.addAttribute("observations", observations.ofActivity(id));
        boolean collective = activities.types().stream().anyMatch(t -> t.id() == a.typeId() && t.collectivePrep());
        model.addAttribute("collective", collective);
        if (collective) {
            List<PrepStep> steps = prep.steps(id);
            model.addAttribute("steps", steps);
            List<PrepStep> drafts = steps.stream().filter(s -> s.kind() == PrepStep.Kind.DRAFT).toList();
            model.addAttribute("drafts", drafts);
            Map<Long, String> partByPerson = new java.util.HashMap<>();
            drafts.forEach(d -> partByPerson.put(d.personId(), d.part()));
            model.addAttribute("partByPerson", partByPerson);
            model.addAttribute("comments", prep.comments(id));
            model.addAttribute("today", LocalDate.now());
            Long me = org.jiaoyan.security.Access.user().personId();
            model.addAttribute("mySteps", steps.stream().filter(s -> java.util.Objects.equals(s.personId(), me)).toList());
            Map<Long, Map<PrepStep.Kind, PrepStep>> matrix = new LinkedHashMap<>();
            steps.forEach(s -> matrix.computeIfAbsent(s.personId(), k -> new java.util.EnumMap<>(PrepStep.Kind.class)).put(s.kind(), s));
            model.addAttribute("matrix", matrix);
            model.addAttribute("kinds", PrepStep.Kind.values());
        }
        return "activity/activity-detail";
    }

    @PostMapping("/{id}/text/{part}")
    String saveText(@PathVariable long id, @PathVariable String part, @RequestParam int version,
                    @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        return act(id, redirect, "activity.part.saved", () -> activities.saveText(id, version, part, text));
    }

    @PostMapping("/{id}/reflection")
    String reflection(@PathVariable long id, @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
        return act(id, redirect, "activity.reflection.saved", () -> activities.saveReflection(id, body));
    }

    @PostMapping("/{id}/files")
    String upload(@PathVariable long id, @RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
        return act(id, redirect, "activity.files.uploaded", () -> {
            if (file == null || file.isEmpty()) {
                throw new ValidationException("file", "files.required");
            }
            activities.addFile(id, new StoredFileOrNull(file).store(uploads));
        });
    }

    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable long fileId) throws IOException {
        Activities.ActivityFile f = activities.files(id).stream().filter(x -> x.id() == fileId).findFirst()
                .orElseThrow(org.jiaoyan.shared.NotFoundException::new);
        return FileDownload.of(uploads, f.fileName(), f.contentType(), f.storageKey());
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        try {
            activities.delete(id, version);
        } catch (StaleEditException e) {
            Flash.error(redirect, e.messageKey());
            return "redirect:/activities/" + id;
        }
        Flash.success(redirect, "activity.deleted");
        return "redirect:/activities";
    }

    @GetMapping("/recycle-bin")
    String recycleBin(Model model) {
        model.addAttribute("rows", activities.deleted());
        return "activity/activity-recycle-bin";
    }

    @PostMapping("/{id}/restore")
    String restore(@PathVariable long id, RedirectAttributes redirect) {
        activities.restore(id);
        Flash.success(redirect, "restored");
        return "redirect:/activities/" + id;
    }

    // ------------------------------------------------------------------ 集体备课

    @PostMapping("/{id}/prep/assign")
    String assign(@PathVariable long id, @RequestParam(name = "personId", required = false) @Nullable List<Long> people,
                  @RequestParam(name = "part", required = false) @Nullable List<String> parts,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate draftDue,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate adaptDue,
                  @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate reflectDue, RedirectAttributes redirect) {
        List<CollectivePrep.Assignment> assignments = new java.util.ArrayList<>();
        for (int i = 0; people != null && i < people.size(); i++) {
            assignments.add(new CollectivePrep.Assignment(people.get(i), parts != null && i < parts.size() ? parts.get(i) : null));
        }
        return act(id, redirect, "prep.assigned", () -> prep.assign(id, assignments, draftDue, adaptDue, reflectDue));
    }

    @PostMapping("/{id}/prep/{stepId}")
    String handIn(@PathVariable long id, @PathVariable long stepId, @RequestParam int version,
                  @RequestParam(defaultValue = "") String body, @RequestParam(required = false) @Nullable MultipartFile file,
                  RedirectAttributes redirect) {
        return act(id, redirect, "prep.handedIn", () -> {
            requireStepOf(id, stepId);
            StoredFileOrNull stored = new StoredFileOrNull(file);
            prep.handIn(stepId, version, body, stored.store(uploads));
        });
    }

    @PostMapping("/{id}/prep/{stepId}/comment")
    String comment(@PathVariable long id, @PathVariable long stepId, @RequestParam(defaultValue = "") String body,
                   RedirectAttributes redirect) {
        return act(id, redirect, "prep.commented", () -> {
            requireStepOf(id, stepId);
            prep.comment(stepId, body);
        });
    }

    @GetMapping("/{id}/prep/{stepId}/file")
    ResponseEntity<InputStreamResource> stepFile(@PathVariable long id, @PathVariable long stepId) throws IOException {
        requireStepOf(id, stepId);
        return attachments.download(prep.file(stepId));
    }

    private PrepStep requireStepOf(long activityId, long stepId) {
        PrepStep s = prep.step(stepId);
        if (s.activityId() != activityId) {
            throw new org.jiaoyan.shared.NotFoundException();
        }
        return s;
    }

    /** An optional upload streamed into the file store. */
    private record StoredFileOrNull(@Nullable MultipartFile file) {
        org.jiaoyan.files.@Nullable StoredFile store(Uploads uploads) {
            if (file == null || file.isEmpty()) {
                return null;
            }
            try (InputStream in = file.getInputStream()) {
                return uploads.store(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), in);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    // ------------------------------------------------------------------ sign-in

    /** The organiser's screen: a fresh QR code to show on the projector or a phone, and who has signed in. */
    @PostMapping("/{id}/sign-in")
    String openSignin(@PathVariable long id) {
        activities.openSignin(id);
        return "redirect:/activities/" + id + "/sign-in";
    }

    @GetMapping("/{id}/sign-in")
    String signinScreen(@PathVariable long id, Model model,
                        @RequestHeader(value = "HX-Request", required = false) @Nullable String hx) {
        Activity a = activities.get(id);
        if (!activities.canOrganise(a.organiserUnitId())) {
            throw new org.jiaoyan.shared.ForbiddenException();
        }
        LocalDateTime now = LocalDateTime.now();
        List<Attendance> attendance = activities.attendance(id);
        model.addAttribute("a", a);
        model.addAttribute("now", now);
        model.addAttribute("organiser", true);
        model.addAttribute("attendance", attendance);
        model.addAttribute("signedCount", attendance.stream().filter(x -> x.signedAt() != null).count());
        if (a.signinOpen(now)) {
            String url = ServletUriComponentsBuilder.fromCurrentContextPath().path("/activities/scan/{token}")
                    .buildAndExpand(a.signinToken()).toUriString();
            model.addAttribute("qr", QrCode.svg(url));
            model.addAttribute("scanUrl", url);
        }
        return hx != null ? "activity/signin-screen :: attendance" : "activity/signin-screen";
    }

    /** The same sign-in on the projector: only the big QR, the title and the live count, full screen. */
    @GetMapping("/{id}/sign-in/projector")
    String signinProjector(@PathVariable long id, Model model,
                           @RequestHeader(value = "HX-Request", required = false) @Nullable String hx) {
        signinScreen(id, model, null);
        return hx != null ? "activity/signin-projector :: count" : "activity/signin-projector";
    }

    /** What a participant's phone opens after scanning: signs them in (after login if needed) and says so. */
    @GetMapping("/scan/{token}")
    String scan(@PathVariable String token, Model model) {
        try {
            Activity a = activities.signIn(token);
            Long me = org.jiaoyan.security.Access.user().personId();
            model.addAttribute("a", a);
            // scanning twice keeps the first time: show that one
            model.addAttribute("signedAt", activities.attendance(a.id()).stream().filter(x -> java.util.Objects.equals(x.personId(), me))
                    .map(Attendance::signedAt).filter(java.util.Objects::nonNull).findFirst().orElse(LocalDateTime.now()));
            model.addAttribute("ok", true);
        } catch (ValidationException e) {
            model.addAttribute("ok", false);
            model.addAttribute("messageKey", e.messageKey());
        }
        return "activity/scan-result";
    }

    @PostMapping("/{id}/sign-in/{personId}")
    String signInByHand(@PathVariable long id, @PathVariable long personId, @RequestParam(defaultValue = "detail") String back,
                        RedirectAttributes redirect) {
        try {
            activities.signInByHand(id, personId);
            Flash.success(redirect, "activity.signin.done");
        } catch (ValidationException e) {
            Flash.error(redirect, e.messageKey(), e.args());
        }
        return "redirect:/activities/" + id + ("screen".equals(back) ? "/sign-in" : "");
    }

    private String act(long id, RedirectAttributes redirect, String success, Runnable action) {
        Flash.outcome(redirect, success, action);
        return "redirect:/activities/" + id;
    }
}
