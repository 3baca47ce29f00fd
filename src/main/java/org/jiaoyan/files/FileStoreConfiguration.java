package org.jiaoyan.files;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Chooses the {@link FileStore} when the application starts, not when it is built: the packaged jar runs with its bean
 * definitions prepared ahead of time (Spring AOT), where a condition on a property would have been decided once, at
 * build time. jiaoyan.files.s3.endpoint set → {@link S3FileStore}; otherwise {@link LocalFileStore} in
 * jiaoyan.files.dir.
 */
@Configuration(proxyBeanMethods = false)
class FileStoreConfiguration {

    @Bean
    FileStore fileStore(Environment env) {
        String endpoint = env.getProperty("jiaoyan.files.s3.endpoint", "");
        if (endpoint.isBlank()) {
            return new LocalFileStore(env.getProperty("jiaoyan.files.dir", "./data/files"));
        }
        return new S3FileStore(endpoint, env.getProperty("jiaoyan.files.s3.bucket", "jiaoyan"),
                env.getRequiredProperty("jiaoyan.files.s3.access-key"),
                env.getRequiredProperty("jiaoyan.files.s3.secret-key"),
                env.getProperty("jiaoyan.files.s3.region", "us-east-1"));
    }
}
