package org.jiaoyan.org.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jiaoyan.dictionary.DictKind;
import org.jiaoyan.dictionary.Dictionaries;
import org.jiaoyan.org.OrgUnit;
import org.jiaoyan.org.OrgUnits;
import org.jiaoyan.org.People;
import org.jiaoyan.org.Person;
import org.jiaoyan.org.PersonFilter;
import org.jiaoyan.org.SchoolTerm;
import org.jiaoyan.org.Terms;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;
import org.jiaoyan.shared.ValidationException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API for schools, teachers and terms (DingTalk/WeCom mini-apps); the same services and data scope as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "教师", description = "教师名册：按学校、学科、职称查询，新增、修改（带 version）和批量导入")
class OrgApi {

    private final OrgUnits units;
    private final People people;
    private final Terms terms;
    private final Dictionaries dictionaries;

    OrgApi(OrgUnits units, People people, Terms terms, Dictionaries dictionaries) {
        this.units = units;
        this.people = people;
        this.terms = terms;
        this.dictionaries = dictionaries;
    }

    @Operation(operationId = "listSchools", summary = "可见的学校（单位）列表")
    @GetMapping("/schools")
    PageResult<SchoolJson> schools() {
        List<SchoolJson> items = units.institutions().stream().map(SchoolJson::of).toList();
        return new PageResult<>(items, items.size(), 1, Math.max(items.size(), 1));
    }

    @Operation(operationId = "listTeachers", summary = "教师列表（分页，按学校、学科、职称、姓名或手机号筛选）")
    @GetMapping("/teachers")
    PageResult<TeacherJson> teachers(@RequestParam(required = false) @Nullable Long schoolId,
                                     @RequestParam(required = false) @Nullable String q,
                                     @RequestParam(required = false) @Nullable String subject,
                                     @RequestParam(required = false) @Nullable String title,
                                     @RequestParam(required = false) @Nullable Integer page,
                                     @RequestParam(required = false) @Nullable Integer size) {
        var filter = new PersonFilter(schoolId, subject, title, null, q, null, false);
        return people.search(filter, PageQuery.of(page, size, "name", "asc")).map(this::json);
    }

    @Operation(operationId = "getTeacher", summary = "教师详情")
    @GetMapping("/teachers/{id}")
    TeacherJson teacher(@PathVariable long id) {
        Person p = people.get(id);
        if (p.deletedAt() != null) {
            throw new NotFoundException();
        }
        return json(p);
    }

    @Operation(operationId = "createTeacher", summary = "新增教师")
    @ApiResponse(responseCode = "201", description = "已创建；Location 头为新记录的地址", useReturnTypeSchema = true)
    @PostMapping("/teachers")
    ResponseEntity<TeacherJson> create(@Valid @RequestBody TeacherRequest body) {
        long id = people.create(body.toData());
        return ResponseEntity.created(URI.create("/api/v1/teachers/" + id)).body(json(people.get(id)));
    }

    @Operation(operationId = "updateTeacher", summary = "修改教师（需带上读取时的 version，被他人修改过则返回 409）")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "version 与当前不一致：记录已被他人修改，什么也没有改")
    @PutMapping("/teachers/{id}")
    TeacherJson update(@PathVariable long id, @Valid @RequestBody TeacherRequest body) {
        if (body.version() == null) {
            throw new ValidationException("version", "validation.required");
        }
        people.update(id, body.version(), body.toData());
        return json(people.get(id));
    }

    @Operation(operationId = "getCurrentTerm", summary = "当前学期（含教学周）")
    @Tag(name = "学期", description = "学年学期与教学周")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "今天不在任何已设置的学期内")
    @GetMapping("/terms/current")
    TermJson currentTerm() {
        SchoolTerm t = terms.current().orElseThrow(NotFoundException::new);
        return new TermJson(t.id(), t.schoolYear(), t.semester(), t.label(), t.startDate(), t.endDate(), t.weekCount(),
                t.weekOf(LocalDate.now()), t.holidays());
    }

    private TeacherJson json(Person p) {
        LocalDate today = LocalDate.now();
        return new TeacherJson(p.id(), p.institutionId(), p.institutionName(), p.name(), p.gender(), p.mobile(),
                p.birthDate(), p.workStartDate(), p.titleCode(), dictionaries.label(DictKind.TITLE, p.titleCode()),
                p.subjects(), p.subjects().stream().map(s -> dictionaries.label(DictKind.SUBJECT, s)).toList(),
                p.grades(), p.honours(), p.partyMember(), p.status().name(), p.age(today), p.yearsOfService(today),
                p.version(), p.birthMonthOnly(), p.workStartMonthOnly());
    }

    /** A school (or other institution) as the API shows it. */
    record SchoolJson(long id, String name, @Nullable String shortName, @Nullable String kind, String sector,
                      @Nullable Long regionId) {
        static SchoolJson of(OrgUnit u) {
            return new SchoolJson(u.id(), u.name(), u.shortName(), u.kindCode(), u.sector().name(), u.regionId());
        }
    }

    /**
     * A teacher as the API shows it; age and yearsOfService are computed for today. A roster that gave only a year and a
     * month (出生年月 1985.03) gives the 1st with {@code birthDateMonthOnly} (or {@code workStartDateMonthOnly}) true.
     */
    record TeacherJson(long id, long schoolId, String schoolName, String name, @Nullable String gender,
                       @Nullable String mobile, @Nullable LocalDate birthDate, @Nullable LocalDate workStartDate,
                       @Nullable String titleCode, String titleLabel, List<String> subjects, List<String> subjectLabels,
                       List<String> grades, List<org.jiaoyan.org.Honour> honours, boolean partyMember, String status,
                       @Nullable Integer age, @Nullable Integer yearsOfService, int version,
                       boolean birthDateMonthOnly, boolean workStartDateMonthOnly) {
    }

    /** The current term with its teaching week. */
    record TermJson(long id, int schoolYear, int semester, String label, LocalDate startDate, LocalDate endDate,
                    int weekCount, @Nullable Integer currentWeek, List<SchoolTerm.Holiday> holidays) {
    }
}
