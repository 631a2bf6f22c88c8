package cn.huangpu.assessment.scoring;

import java.util.List;

/** Facts that break the catalogue's rules; nothing of them may be saved. Carries every error found. */
public class InvalidFactsException extends RuntimeException {

    private final List<FactError> errors;

    public InvalidFactsException(List<FactError> errors) {
        super(errors.size() + " 项评分输入有误：" + errors.get(0).indicator() + " " + errors.get(0).reason());
        this.errors = List.copyOf(errors);
    }

    public List<FactError> errors() {
        return errors;
    }
}
