package org.jiaoyan.files;

import org.jiaoyan.shared.ValidationException;

/** An upload refused for its size or type, with the Chinese message at the file field. */
public class UploadRejected extends ValidationException {
    public UploadRejected(String messageKey, Object... args) {
        super("file", messageKey, args);
    }
}
