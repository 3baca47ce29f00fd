package org.jiaoyan.plan.web;

import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jiaoyan.files.Attachments;
import org.jiaoyan.files.StoredFile;
import org.jiaoyan.files.Uploads;
import org.jiaoyan.org.Terms;
import org.jiaoyan.plan.Plan;
import org.jiaoyan.plan.PlanItem;
import org.jiaoyan.plan.PlanItems;
import org.jiaoyan.plan.Plans;
import org.jiaoyan.plan.RecordKind;
import org.jiaoyan.shared.DomainException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.web.Flash;
import org.jiaoyan.web.Forms;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Schedule items: add and revise them, and the item page where owners record what was done. */
@Controller
@RequestMapping("/plans/{planId}/items")
class ItemController {

    private final Plans plans;
    private final PlanItems items;
    private final Terms terms;
    private final Uploads uploads;
    private final Attachments attachments;
    private final MessageSource messages;

    ItemController(Plans plans, PlanItems items, Terms terms, Uploads uploads, Attachments attachments, MessageSource messages) {
        this.attachments = attachments;
        this.plans = plans;
        this.items = items;
        this.terms = terms;
        this.uploads = uploads;
        this.messages = messages;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("nav", "plans");
    }

    @GetMapping("/new")
    String createForm(@PathVariable long planId, Model model) {
        return formView(planId, null, new ItemForm(), model);
    }

    @PostMapping("/new")
    String create(@PathVariable long planId, @Valid @ModelAttribute("form") ItemForm form, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                items.create(planId, form.data(), form.getReason());
                Flash.success(redirect, "saved");
                return "redirect:/plans/" + planId + "/schedule";
            } catch (ValidationException e) {
                Forms.reject(e, result);
            }
        }
        return formView(planId, null, form, model);
    }

    @GetMapping("/{itemId}/edit")
    String editForm(@PathVariable long planId, @PathVariable long itemId, Model model) {
        PlanItem item = item(planId, itemId);
        return formView(planId, item, ItemForm.of(item), model);
    }

    @PostMapping("/{itemId}/edit")
    String update(@PathVariable long planId, @PathVariable long itemId, @Valid @ModelAttribute("form") ItemForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        PlanItem item = item(planId, itemId);
        if (!result.hasErrors()) {
            try {
                items.update(itemId, form.getVersion(), form.data(), form.getReason());
                Flash.success(redirect, "saved");
                return "redirect:/plans/" + planId + "/items/" + itemId;
            } catch (ValidationException e) {
                Forms.reject(e, result);
            } catch (StaleEditException e) {
                Forms.reject(e, result);
            }
        }
        return formView(planId, item, form, model);
    }

    @PostMapping("/{itemId}/delete")
    String delete(@PathVariable long planId, @PathVariable long itemId, @RequestParam int version,
                  @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        item(planId, itemId);
        try {
            items.delete(itemId, version, reason);
            Flash.success(redirect, "plan.item.deleted");
            return "redirect:/plans/" + planId + "/schedule";
        } catch (ValidationException | StaleEditException e) {
            Flash.error(redirect, e.messageKey(), e.args());
            return "redirect:/plans/" + planId + "/items/" + itemId;
        }
    }

    @GetMapping("/deleted")
    String deleted(@PathVariable long planId, Model model) {
        model.addAttribute("plan", plans.get(planId));
        model.addAttribute("rows", items.deleted(planId));
        return "plan/item-recycle-bin";
    }

    @PostMapping("/{itemId}/restore")
    String restore(@PathVariable long planId, @PathVariable long itemId, RedirectAttributes redirect) {
        items.restore(itemId);
        Flash.success(redirect, "restored");
        return "redirect:/plans/" + planId + "/items/" + itemId;
    }

    private String formView(long planId, @Nullable PlanItem item, ItemForm form, Model model) {
        Plan p = plans.get(planId);
        model.addAttribute("plan", p);
        model.addAttribute("term", terms.get(p.termId()));
        model.addAttribute("item", item);
        model.addAttribute("form", form);
        Map<String, String> kinds = new LinkedHashMap<>();
        for (RecordKind k : RecordKind.values()) {
            kinds.put(k.name(), messages.getMessage(k.messageKey(), null, LocaleContextHolder.getLocale()));
        }
        model.addAttribute("recordKinds", kinds);
        return "plan/item-form";
    }

    // ------------------------------------------------------------------ the item page

    @GetMapping("/{itemId}")
    String detail(@PathVariable long planId, @PathVariable long itemId, Model model) {
        PlanItem item = item(planId, itemId);
        Plan p = plans.get(planId);
        model.addAttribute("plan", p);
        model.addAttribute("rights", plans.rights(p));
        model.addAttribute("item", item);
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("owner", items.isOwner(itemId));
        model.addAttribute("shares", items.shares(itemId));
        model.addAttribute("myShares", items.myShares(itemId));
        model.addAttribute("records", items.records(itemId));
        model.addAttribute("evidence", items.evidence(itemId));
        model.addAttribute("deletedEvidence", items.deletedEvidence(itemId));
        model.addAttribute("passes", item.recordKind() == RecordKind.PASS_EACH ? items.passes(itemId) : java.util.List.of());
        model.addAttribute("unresolved", plans.rights(p).editor() ? items.unresolvedNames(itemId) : java.util.List.of());
        return "plan/item-detail";
    }

    @PostMapping("/{itemId}/done")
    String done(@PathVariable long planId, @PathVariable long itemId, @RequestParam int version,
                @RequestParam(required = false) @Nullable String note,
                @RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
        item(planId, itemId);
        return act(planId, itemId, redirect, "plan.item.done", () -> items.markDone(itemId, version, note, store(file)));
    }

    @PostMapping("/{itemId}/close")
    String close(@PathVariable long planId, @PathVariable long itemId, @RequestParam int version,
                 @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        item(planId, itemId);
        return act(planId, itemId, redirect, "plan.item.closed", () -> items.close(itemId, version, reason));
    }

    @PostMapping("/{itemId}/reopen")
    String reopen(@PathVariable long planId, @PathVariable long itemId, @RequestParam int version, RedirectAttributes redirect) {
        item(planId, itemId);
        return act(planId, itemId, redirect, "plan.item.reopened", () -> items.reopen(itemId, version, null));
    }

    @PostMapping("/{itemId}/cancel")
    String cancel(@PathVariable long planId, @PathVariable long itemId, @RequestParam int version,
                  @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        item(planId, itemId);
        return act(planId, itemId, redirect, "plan.item.cancelled", () -> items.cancel(itemId, version, note));
    }

    @PostMapping("/{itemId}/note")
    String note(@PathVariable long planId, @PathVariable long itemId, @RequestParam int version,
                @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        item(planId, itemId);
        return act(planId, itemId, redirect, "plan.item.noteSaved", () -> items.saveNote(itemId, version, note));
    }

    @PostMapping("/{itemId}/evidence")
    String upload(@PathVariable long planId, @PathVariable long itemId, @RequestParam(required = false) @Nullable MultipartFile file,
                  RedirectAttributes redirect) {
        item(planId, itemId);
        return act(planId, itemId, redirect, "plan.item.evidence.uploaded", () -> {
            if (file == null || file.isEmpty()) {
                throw new ValidationException("file", "files.required");
            }
            items.addEvidence(itemId, store(file));
        });
    }

    @GetMapping("/{itemId}/evidence/{evidenceId}")
    ResponseEntity<InputStreamResource> download(@PathVariable long planId, @PathVariable long itemId,
                                                 @PathVariable long evidenceId) throws IOException {
        item(planId, itemId);
        return attachments.download(items.evidenceFile(itemId, evidenceId));
    }

    @PostMapping("/{itemId}/evidence/{evidenceId}/delete")
    String deleteEvidence(@PathVariable long planId, @PathVariable long itemId, @PathVariable long evidenceId,
                          RedirectAttributes redirect) {
        item(planId, itemId);
        return act(planId, itemId, redirect, "plan.item.evidence.deleted", () -> items.deleteEvidence(itemId, evidenceId));
    }

    @PostMapping("/{itemId}/evidence/{evidenceId}/restore")
    String restoreEvidence(@PathVariable long planId, @PathVariable long itemId, @PathVariable long evidenceId,
                           RedirectAttributes redirect) {
        item(planId, itemId);
        return act(planId, itemId, redirect, "restored", () -> items.restoreEvidence(itemId, evidenceId));
    }

    @PostMapping("/{itemId}/passes/{personId}")
    String pass(@PathVariable long planId, @PathVariable long itemId, @PathVariable long personId,
                @RequestParam(defaultValue = "false") boolean revoke, RedirectAttributes redirect) {
        item(planId, itemId);
        return act(planId, itemId, redirect, "saved", () -> {
            if (revoke) {
                items.revokePass(itemId, personId);
            } else {
                items.recordPass(itemId, personId, null);
            }
        });
    }

    /** Streams the upload into the file store (type and size checked); null when no file was chosen. */
    private @Nullable StoredFile store(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try (InputStream in = file.getInputStream()) {
            return uploads.store(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String act(long planId, long itemId, RedirectAttributes redirect, String success, Runnable action) {
        Flash.outcome(redirect, success, action);
        return "redirect:/plans/" + planId + "/items/" + itemId;
    }

    /** The item, when it belongs to the plan in the URL (another plan's item id is a 404). */
    private PlanItem item(long planId, long itemId) {
        PlanItem item = items.get(itemId);
        if (item.planId() != planId) {
            throw new NotFoundException();
        }
        return item;
    }
}
