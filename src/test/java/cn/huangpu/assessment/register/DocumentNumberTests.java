package cn.huangpu.assessment.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 文号 as offices type them into a register: read into prefix, year and number, or refused with the reason. */
class DocumentNumberTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            黄府办发〔2023〕21号   | 黄府办发〔2023〕21号
            黄府办发[2023]21号     | 黄府办发〔2023〕21号
            黄府办发［2023］21号   | 黄府办发〔2023〕21号
            黄府办发（2023）21号   | 黄府办发〔2023〕21号
            黄府办发(2023)021号    | 黄府办发〔2023〕21号
            黄府办发【2023】 21 号 | 黄府办发〔2023〕21号
            沪黄卫〔2023〕1号      | 沪黄卫〔2023〕1号
            """)
    void readsTheBracketsOfficesUseAsOneSequence(String typed, String normalised) {
        assertThat(DocumentNumber.parse(typed).number()).hasToString(normalised);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            黄府办发2023年21号    | 无法识别
            黄府办发〔23〕21号    | 无法识别
            〔2023〕21号          | 无法识别
            黄府办发〔2023〕号    | 无法识别
            黄府办发〔2023〕0号   | 序号须在1到9999之间
            黄府办发〔2023〕10000号 | 序号须在1到9999之间
            """)
    void refusesWhatIsNoDocumentNumber(String typed, String reason) {
        DocumentNumber.Parsed parsed = DocumentNumber.parse(typed);
        assertThat(parsed.number()).isNull();
        assertThat(parsed.problem()).contains(reason);
    }
}
