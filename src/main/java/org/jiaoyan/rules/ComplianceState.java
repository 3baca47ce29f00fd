package org.jiaoyan.rules;

/** A cell of the matrix: 达标 / 未达标 / 未到期 / 豁免 (message key compliance.state.*, with a symbol for colour-blind readers). */
public enum ComplianceState {
    MET("✓"), NOT_MET("✗"), NOT_DUE("…"), EXEMPT("—");

    private final String symbol;

    ComplianceState(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
