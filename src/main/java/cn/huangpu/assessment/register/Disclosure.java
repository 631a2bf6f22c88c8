package cn.huangpu.assessment.register;

import java.util.Arrays;
import java.util.Optional;

/** A document's disclosure attribute (公开属性), decided at its source when it is written. */
enum Disclosure {

    PROACTIVE("主动公开"), ON_REQUEST("依申请公开"), WITHHELD("不予公开");

    private final String label;

    Disclosure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The attribute a cell names, by its Chinese label (as the template's list offers) or its code. */
    static Optional<Disclosure> parse(String text) {
        String t = text.strip();
        return Arrays.stream(values()).filter(d -> d.label.equals(t) || d.name().equals(t)).findFirst();
    }
}
