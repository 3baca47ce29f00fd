package org.jiaoyan.research;

/** A reviewer's decision on a stage: 通过, 修改后通过, 不通过 (message key research.decision.*). */
public enum Decision {
    PASS, PASS_REVISED, FAIL;

    public boolean passes() {
        return this != FAIL;
    }

    public String messageKey() {
        return "research.decision." + name();
    }
}
