package org.jiaoyan.files;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A file attached to a record of any module: the owner (type like "research.material" and id), an optional category
 * (an archive box's category, the role the file plays), the institution it belongs to.
 */
public record Attachment(long id, long institutionId, String ownerType, long ownerId, @Nullable String category,
                         String fileName, @Nullable String contentType, long sizeBytes, String storageKey,
                         LocalDateTime createdAt, @Nullable String createdBy) {

    /** Whether the browser shows it inline (images, PDF). */
    public boolean previewable() {
        return Uploads.previewable(fileName);
    }

    /** The extension in lower case without the dot ("docx"), empty when there is none. */
    public String extension() {
        return UploadTypes.extension(fileName);
    }
}
