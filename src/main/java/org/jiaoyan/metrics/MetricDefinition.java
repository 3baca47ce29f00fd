package org.jiaoyan.metrics;

/**
 * A metric a module publishes: its id ("activity.group-sessions": module, then what), the kind of subject it counts
 * per, and the message key of its name (规则里显示的名称).
 */
public record MetricDefinition(String id, SubjectKind subject, String labelKey) {

    public MetricDefinition {
        if (!id.matches("[a-z]+\\.[a-z0-9-]+")) {
            throw new IllegalArgumentException("metric id must look like module.what: " + id);
        }
    }
}
