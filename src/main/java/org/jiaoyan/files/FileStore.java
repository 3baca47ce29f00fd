package org.jiaoyan.files;

import java.io.IOException;
import java.io.InputStream;

/** Where attachments live: a local folder by default; S3-compatible storage can implement the same two methods. */
public interface FileStore {

    /** Stores the stream under its content hash; stops and throws {@link UploadRejected} past maxBytes. */
    StoredFile put(InputStream in, String originalName, String contentType, long maxBytes) throws IOException;

    InputStream open(String key) throws IOException;
}
