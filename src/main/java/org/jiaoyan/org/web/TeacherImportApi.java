package org.jiaoyan.org.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

/** POST /api/v1/teachers/import: the same .xlsx, .xls or CSV as the import page, all rows or none. */
@RestController
@Tag(name = "教师", description = "教师名册：按学校、学科、职称查询，新增、修改（带 version）和批量导入")
class TeacherImportApi {

    private final RosterImport roster;

    TeacherImportApi(RosterImport roster) {
        this.roster = roster;
    }

    @Operation(operationId = "importTeachers", summary = "批量导入教师（.xlsx、.xls 或 CSV）", description = "全部成功返回 {\"imported\": N}；任何一行有错则不导入，返回 422 和 errors[{row, column, message}]")
    @ApiResponse(responseCode = "200", description = "全部导入",
            content = @Content(mediaType = "application/json", schemaProperties =
                    @SchemaProperty(name = "imported", schema = @Schema(type = "integer", format = "int32", description = "导入的教师人数"))))
    @ApiResponse(responseCode = "422", description = "文件中有错误：errors 列出每一处（行、列、说明），一行也没有导入",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ImportProblemDetail")))
    @PostMapping(value = "/api/v1/teachers/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> importRoster(@RequestParam long schoolId, @RequestParam("file") MultipartFile file,
                                   HttpServletRequest request) throws IOException {
        try {
            return ResponseEntity.ok(Map.of("imported", roster.importAll(schoolId, file.getInputStream())));
        } catch (RosterRejected e) {
            return ApiErrorHandling.importRejected("导入失败：共 " + e.errors().size() + " 处错误，未导入任何数据",
                    e.errors().stream().map(x -> Map.of("sheet", x.sheet(), "row", x.row(), "column", x.column(), "message", x.message())).toList(),
                    request);
        }
    }
}
