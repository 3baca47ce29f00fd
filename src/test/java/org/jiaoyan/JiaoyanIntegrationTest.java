package org.jiaoyan;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

/**
 * Full application with the demo county, on H2 (default) or on the local PostgreSQL when -Djiaoyan.pg=true
 * (Maven runs every *IntegrationTests class both ways). Tests create their own records with unique names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"jiaoyan.demo=true", "jiaoyan.admin-password=" + TestUsers.ADMIN_PASSWORD, "jiaoyan.files.dir=target/test-files"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestDatabase.class)
public @interface JiaoyanIntegrationTest {
}
