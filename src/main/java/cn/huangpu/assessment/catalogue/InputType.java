package cn.huangpu.assessment.catalogue;

/** The kinds of fact an input takes; see docs/catalogue-format.md for the values each accepts. */
public enum InputType {
    /** A whole number ≥ 0. */
    COUNT,
    /** true or false. */
    FLAG,
    /** A decimal in 0..1. */
    RATE,
    /** A decimal ≥ 0. */
    NUMBER,
    /** An ISO date. */
    DATE,
    /** One of the input's option codes. */
    CHOICE,
    /** A score in 0.5 steps from 0 to the input's max, with a written reason. */
    JUDGEMENT
}
