package org.jiaoyan;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements a piece of code prepares, on the calling thread only (schedulers and other requests do not
 * disturb it). A test class imports {@link Configuration}, which wraps the application's DataSource, then asks
 * {@code StatementCounter.count(() -> …)}.
 */
public final class StatementCounter {

    private static final ThreadLocal<int[]> COUNTING = new ThreadLocal<>();
    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "prepareCall", "createStatement");

    private StatementCounter() {
    }

    /** What the code returned, and how many statements it prepared on this thread. */
    public record Counted<T>(T result, int statements) {
    }

    public static <T> Counted<T> count(Supplier<T> code) {
        int[] counter = new int[1];
        COUNTING.set(counter);
        try {
            return new Counted<>(code.get(), counter[0]);
        } finally {
            COUNTING.remove();
        }
    }

    /** Wraps the DataSource bean: every connection it hands out counts the statements made on it. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        static BeanPostProcessor statementCountingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource ds && !(bean instanceof CountingDataSource) ? new CountingDataSource(ds) : bean;
                }
            };
        }
    }

    static final class CountingDataSource extends DelegatingDataSource {

        CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }

        private static Connection counting(Connection target) {
            return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        int[] counter = COUNTING.get();
                        if (counter != null && STATEMENTS.contains(method.getName())) {
                            counter[0]++;
                        }
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
