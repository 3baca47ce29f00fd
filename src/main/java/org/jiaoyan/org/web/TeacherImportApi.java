package org.jiaoyan.org.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import org.jiaoyan.org.RosterImport;
import org.jiaoyan.org.RosterRejected;
import org.jiaoyan.web.ApiErrorHandling;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** POST /api/v1/teachers/import: the same .xlsx as the import page, all rows or none. */
@RestController
@Tag(name = "教师")
class TeacherImportApi {

    private final RosterImport roster;

    TeacherImportApi(RosterImport roster) {
        this.roster = roster;
    }

    @Operation(summary = "批量导入教师（.xlsx）", description = "全部成功返回 {\"imported\": N}；任何一行有错则不导入，返回 422 和 errors[{row, column, message}]")
    @PostMapping(value = "/api/v1/teachers/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importRoster(@RequestParam long schoolId, @RequestParam("file") MultipartFile file,
                                   HttpServletRequest request) throws IOException {
        try {
            return ResponseEntity.ok(Map.of("imported", roster.importAll(schoolId, file.getInputStream())));
        } catch (RosterRejected e) {
            return ApiErrorHandling.importRejected("导入失败：共 " + e.errors().size() + " 处错误，未导入任何数据",
                    e.errors().stream().map(x -> Map.of("row", x.row(), "column", x.column(), "message", x.message())).toList(),
                    request);
        }
    }
}
