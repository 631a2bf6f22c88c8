package cn.huangpu.assessment.register;

import cn.huangpu.assessment.web.TypedText;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document number (发文字号) read into its parts: 黄府办发〔2023〕21号 is prefix 黄府办发, year 2023, number 21. The
 * year goes in hexagonal brackets 〔〕 (GB/T 9704); registers typed by hand also use [], ［］, (), （） or 【】, which are
 * read as the same number, so that 黄府办发[2023]5号 and 黄府办发〔2023〕6号 are one sequence. Written back always with 〔〕.
 *
 * @param prefix the issuing organ's code and the kind (机关代字), e.g. 黄府办发
 */
record DocumentNumber(String prefix, int year, int number) {

    /** The highest number of a sequence accepted: no unit issues more in a year, and gaps are counted up to it. */
    static final int MAX_NUMBER = 9999;

    static final Comparator<DocumentNumber> ORDER = Comparator.comparing(DocumentNumber::prefix)
            .thenComparingInt(DocumentNumber::year).thenComparingInt(DocumentNumber::number);

    private static final Pattern SHAPE = Pattern.compile(
            "(\\S+?)\\s*[〔\\[［(（【]\\s*(\\d{4})\\s*[〕\\]］)）】]\\s*(\\d{1,6})\\s*号");

    /** The number's sequence: its prefix and year. */
    record Sequence(String prefix, int year) {
        String describe(int number) {
            return prefix + "〔" + year + "〕" + number + "号";
        }
    }

    /** Reads a 文号, or says in Chinese why it cannot be read. */
    static Parsed parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = SHAPE.matcher(t);
        if (!m.matches()) {
            return new Parsed(null, "文号“" + TypedText.shown(t) + "”无法识别，应为 机关代字〔年份〕序号号，如 黄府办发〔2023〕21号");
        }
        int number = Integer.parseInt(m.group(3));
        if (number < 1 || number > MAX_NUMBER) {
            return new Parsed(null, "文号“" + TypedText.shown(t) + "”的序号须在1到" + MAX_NUMBER + "之间");
        }
        return new Parsed(new DocumentNumber(m.group(1), Integer.parseInt(m.group(2)), number), null);
    }

    /** A parse: the number, or the reason it is refused. */
    record Parsed(DocumentNumber number, String problem) {
        Optional<DocumentNumber> value() {
            return Optional.ofNullable(number);
        }
    }

    Sequence sequence() {
        return new Sequence(prefix, year);
    }

    @Override
    public String toString() {
        return sequence().describe(number);
    }
}
