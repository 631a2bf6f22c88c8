package cn.huangpu.assessment.register;

import cn.huangpu.assessment.catalogue.RegisterSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The registers a catalogue can bind an input to ({@link RegisterSource#register()}), with the words their page and
 * spreadsheet use. Both hold rows of the same shape: a number, a title, a first date and a second date, which a
 * date rule compares; the document register adds the disclosure attribute.
 */
enum Register {

    DOCUMENTS(RegisterSource.DOCUMENTS, "公文备案登记", "公文", "文号", "标题", "成文日期", "公开/备案日期"),
    CONSULTATIONS(RegisterSource.CONSULTATIONS, "意见征集反馈登记", "决策事项", "决策文号", "决策事项名称", "决策出台日期",
            "意见采纳情况公开日期");

    private final String code;
    private final String label;
    private final String item;
    private final String numberHeader;
    private final String titleHeader;
    private final String startHeader;
    private final String endHeader;

    Register(String code, String label, String item, String numberHeader, String titleHeader, String startHeader,
             String endHeader) {
        this.code = code;
        this.label = label;
        this.item = item;
        this.numberHeader = numberHeader;
        this.titleHeader = titleHeader;
        this.startHeader = startHeader;
        this.endHeader = endHeader;
    }

    static Optional<Register> of(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** What one row is: 公文, 决策事项. */
    public String item() {
        return item;
    }

    /** Whether rows carry a parsed 文号 (required, in sequences) and a disclosure attribute. */
    public boolean documents() {
        return this == DOCUMENTS;
    }

    public String numberHeader() {
        return numberHeader;
    }

    public String titleHeader() {
        return titleHeader;
    }

    public String startHeader() {
        return startHeader;
    }

    public String endHeader() {
        return endHeader;
    }

    /** The spreadsheet's columns, in order. */
    public List<String> headers() {
        return documents()
                ? List.of(numberHeader, titleHeader, startHeader, "公开属性", "不予公开理由", endHeader)
                : List.of(numberHeader, titleHeader, startHeader, endHeader);
    }
}
