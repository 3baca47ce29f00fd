package org.jiaoyan.org.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.RosterImport;
import org.jiaoyan.org.RosterPreview;
import org.jiaoyan.org.RosterRejected;
import org.jiaoyan.web.Flash;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Roster import in two steps — upload → preview (every bad row listed, nothing written) → confirm — plus the
 * template download and the Excel export of the filtered list. The uploaded file waits in the session between
 * preview and confirm and is checked again on confirm.
 */
@Controller
@RequestMapping("/people")
class RosterController {

    private static final String UPLOAD = "rosterUpload";

    private final RosterImport roster;
    private final OrgUnits units;

    RosterController(RosterImport roster, OrgUnits units) {
        this.roster = roster;
        this.units = units;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("nav", "people");
    }

    @GetMapping("/import")
    String form(@RequestParam(required = false) @Nullable Long schoolId, Model model) {
        model.addAttribute("schools", units.managedInstitutions());
        model.addAttribute("schoolId", schoolId);
        return "org/roster-import";
    }

    @PostMapping("/import")
    String upload(@RequestParam long schoolId, @RequestParam("file") MultipartFile file, HttpSession session,
                  Model model) throws IOException {
        byte[] bytes = file.getBytes();
        RosterPreview preview = roster.preview(schoolId, new ByteArrayInputStream(bytes));
        Upload upload = new Upload(UUID.randomUUID().toString(), schoolId, bytes, file.getOriginalFilename());
        if (preview.importable()) {
            session.setAttribute(UPLOAD, upload);
        } else {
            session.removeAttribute(UPLOAD);
        }
        model.addAttribute("preview", preview);
        model.addAttribute("token", upload.token());
        model.addAttribute("schoolId", schoolId);
        model.addAttribute("fileName", file.getOriginalFilename());
        return "org/roster-preview";
    }

    @PostMapping("/import/confirm")
    String confirm(@RequestParam String token, HttpSession session, RedirectAttributes redirect, Model model) {
        Object stored = session.getAttribute(UPLOAD);
        if (!(stored instanceof Upload upload) || !upload.token().equals(token)) {
            Flash.error(redirect, "roster.expired");
            return "redirect:/people/import";
        }
        try {
            int n = roster.importAll(upload.schoolId(), new ByteArrayInputStream(upload.bytes()));
            session.removeAttribute(UPLOAD);
            Flash.success(redirect, "roster.done", n);
            return "redirect:/people?schoolId=" + upload.schoolId() + "&sort=updated&dir=desc";
        } catch (RosterRejected e) {
            // the database changed since the preview (e.g. someone took a mobile): show the new errors
            model.addAttribute("preview", RosterPreview.rejected(e.errors()));
            model.addAttribute("schoolId", upload.schoolId());
            model.addAttribute("fileName", upload.fileName());
            session.removeAttribute(UPLOAD);
            return "org/roster-preview";
        }
    }

    @GetMapping("/import/template")
    void template(HttpServletResponse response) throws IOException {
        attachment(response, "教师导入模板.xlsx");
        roster.writeTemplate(response.getOutputStream());
    }

    @GetMapping("/export")
    void export(PersonController.ListParams params, HttpServletResponse response) throws IOException {
        attachment(response, "教师名单-" + LocalDate.now() + ".xlsx");
        roster.export(params.filter(false), response.getOutputStream());
    }

    private static void attachment(HttpServletResponse response, String fileName) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** An uploaded roster waiting for confirmation. */
    record Upload(String token, long schoolId, byte[] bytes, @Nullable String fileName) implements Serializable {
    }
}
