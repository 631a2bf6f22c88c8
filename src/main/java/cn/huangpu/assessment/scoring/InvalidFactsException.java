package cn.huangpu.assessment.scoring;

import cn.huangpu.assessment.web.BadInputException;
import cn.huangpu.assessment.web.InputError;
import java.util.List;

/** Facts that break the catalogue's rules; nothing of them may be saved. Carries every error found. */
public class InvalidFactsException extends BadInputException {

    public InvalidFactsException(List<InputError> errors) {
        super("评分输入有误", errors);
    }
}
