package cn.huangpu.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.catalogue.Catalogue;
import cn.huangpu.assessment.catalogue.CatalogueReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reading of what the seed leaves open, pinned: one row per rule of the "missing inputs" table of
 * docs/facts-format.md, and rows on both sides of each threshold word of the seed (以上, 高于(含), 少于, 高于, 未达到,
 * 不低于, 之前, 每…分, 超过). The seed has no 以下. Its 超过20% (4.10) is a flag the evaluator sets, and its 超法定期限
 * (4.1) a count of late filings, so their rows price those inputs.
 *
 * <p>Each row: the rule, the catalogue ({@code 2023}, or {@code edges}: scoring/boundaries.yaml, for thresholds of 0
 * and 1 that the 2023 table does not have), the indicator, its facts ({@code -} leaves the indicator out of the
 * facts), the expected base part and bonus, the inputs the sheet lists as missing (separated by ；), and the line of
 * the sheet that shows the rule, exactly as the unit reads it.
 */
class MissingInputsAndThresholdsTests {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Catalogue EDGES = read("/scoring/boundaries.yaml");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # missing inputs: count and number count as 0
            缺失的数量按0计 | 2023 | 1.1 | {} | 1 | 0 | 机构职能信息应公开未公开或更新不及时的项数 | 机构职能信息应公开未公开、更新不及时的,发现一项扣1分｜机构职能信息应公开未公开或更新不及时的项数：未提供（按0计）｜0 × 1 = 0，不扣分（区政府办公室）
            值为null与缺失相同 | 2023 | 1.1 | {"missingOrStaleItems": null} | 1 | 0 | 机构职能信息应公开未公开或更新不及时的项数 | 机构职能信息应公开未公开、更新不及时的,发现一项扣1分｜机构职能信息应公开未公开或更新不及时的项数：未提供（按0计）｜0 × 1 = 0，不扣分（区政府办公室）
            缺失的数值按0计 | 2023 | 7 | {} | 0 | 0 | 《黄浦信息》录用得分 | 《黄浦信息》录用得分每30分得1分,最高5分｜《黄浦信息》录用得分：未提供（按0计）｜0 ÷ 30 取整 = 0，0 × 1 = 0，不得分（区政府办公室）
            # flag: false, so a deduction does not apply and an award is not given
            缺失的是否项按否:不扣分 | 2023 | 1.5 | {} | 2 | 0 | 未发布年度工作计划；未发布工作推进情况；未发布年度工作总结 | 缺1项扣1分:年度工作计划｜未发布年度工作计划：未提供（按否）｜不符合，不扣分（区政府办公室）
            缺失的是否项按否:不得分 | 2023 | 2.5 | {} | 0 | 0 | 对公开征集意见的政策草案同步开展解读 | 开展草案解读的,得1分;没有,不得分｜对公开征集意见的政策草案同步开展解读：未提供（按否）｜不符合，不得分（区政府办公室）
            # choice: the first option
            缺失的选项按第一项 | 2023 | 3.5 | {"publishedInOpenDayTopic": true} | 1 | 0 | 政府开放月活动组织情况 | 结合政府开放月,组织相关活动,得1分;开放活动形式多样、内容丰富(与参与公众互动,有答疑、座谈或问卷调查等环节,安排人员现场解答参与公众疑问),得3分｜政府开放月活动组织情况：未提供（按“未组织开放月活动”计）｜不得分（区政府办公室）
            # judgement: 0 points, nothing awarded and nothing deducted
            缺失的评分:不得分 | 2023 | 2.3 | {} | 0 | 0 | 抽选政策解读内容的针对性、丰富性、完整性、精准性评分 | 根据针对性、丰富性、完整性、精准性视情评分｜抽选政策解读内容的针对性、丰富性、完整性、精准性评分：未评分｜按0分计（区政府办公室）
            缺失的扣分评分:不扣分 | 2023 | 1.2 | {"missingStaleOrBrokenItems": 0} | 2 | 0 | 权责清单梳理情况视情扣减的分值 | 对各单位权责清单梳理情况视情打分｜权责清单梳理情况视情扣减的分值：未评分｜按0分计（区委编办、区政府办公室(审改)）
            # rate and date: a condition on them does not hold, a rate-tiers does not apply
            缺失的比率:条件不成立 | 2023 | 5.2 | {"leaderAttended": true, "internalTraining": true} | 2 | 0 | 业务科长、业务人员参加区培训出勤率 | 业务科长、业务人员参加区培训出勤率不低于75%的1分｜业务科长、业务人员参加区培训出勤率：未提供（条件：不少于75%）｜不符合，不得分（区政府办公室）
            缺失的比率:不按档次扣分 | 2023 | 4.1 | {"lateFilings": 0, "missingDocumentNumbers": 0} | 3 | 0 | 公文主动公开率 | 公开率未达到90%的扣0.5分,未达到80%的扣1分｜公文主动公开率：未提供｜未计算，不扣分（区政府办公室）
            缺失的日期:条件不成立 | 2023 | 4.6 | {} | 0 | 0 | 本单位政府信息公开年度报告发布日期 | 于2023年1月20日之前发布本单位年度报告,得1分｜本单位政府信息公开年度报告发布日期：未提供（条件：不晚于2023-01-20）｜不符合，不得分（区政府办公室）
            # an indicator left out of the facts: every input is missing
            未报送的指标:各输入项均缺失 | 2023 | 4.13 | - | 2 | 0 | 依申请公开行政复议纠错案件数；依申请公开行政诉讼败诉案件数；依申请公开数(办理的政府信息公开申请件数) | 依申请公开被复议、诉讼纠错率(复议纠错案件数加败诉案件数之和除以依申请公开数)高于0.2%,不得分｜(依申请公开行政复议纠错案件数 0 + 依申请公开行政诉讼败诉案件数 0) ÷ 依申请公开数(办理的政府信息公开申请件数) 0 = 0%（无办理件，比率按0计）｜未触及扣分档次，不扣分（区司法局）
            # not involved: no criterion is read, so nothing is missing
            不涉及:不列缺失项 | 2023 | 2.1 | {"notInvolved": true} | 2.4 | 0 | | 不涉及此项工作的单位按80%计分｜单位不涉及此项工作｜3 × 80% = 2.4
            # 以上: 3次以上 includes 3
            以上:3次即符合 | 2023 | 2.6 | {"pushes": 3} | 2 | 1 | | 开展3次以上的,额外加1分｜依托“一网通办”个人主页、企业专属网页开展重要政策线上精准推送的次数：3（条件：不少于3）｜符合，额外加1分（区政府办公室(审改)）
            以上:2次不符合 | 2023 | 2.6 | {"pushes": 2} | 2 | 0 | | 开展3次以上的,额外加1分｜依托“一网通办”个人主页、企业专属网页开展重要政策线上精准推送的次数：2（条件：不少于3）｜不符合，不加分（区政府办公室(审改)）
            # 高于(含): 100件 and more
            高于(含):恰为100件即符合 | 2023 | 4.14 | {"requestsReceived": 100, "districtSplitCases": 10} | 0 | 2 | | 依申请公开申请总量高于(含)100件的额外加1分｜依申请公开申请总量(件)：100（条件：不少于100）｜符合，额外加1分（区政府办公室）
            高于(含):99件不符合 | 2023 | 4.14 | {"requestsReceived": 99, "districtSplitCases": 9} | 0 | 0 | | 依申请公开申请总量高于(含)100件的额外加1分｜依申请公开申请总量(件)：99（条件：不少于100）｜不符合，不加分（区政府办公室）
            # 少于: 少于2次 is 0 or 1
            少于:1次符合 | 2023 | 3.3 | {"invitations": 1, "singleKindOfRepresentatives": false, "standingMeetingAttendances": 0} | 1 | 0 | | 邀请次数少于2次,扣1分｜邀请公众代表列席决策会议的次数：1（条件：少于2）｜符合，扣1分（区政府办公室）
            少于:2次不符合 | 2023 | 3.3 | {"invitations": 2, "singleKindOfRepresentatives": false, "standingMeetingAttendances": 0} | 2 | 0 | | 邀请次数少于2次,扣1分｜邀请公众代表列席决策会议的次数：2（条件：少于2）｜不符合，不扣分（区政府办公室）
            # 高于: strictly more
            高于:恰为0.2%不符合 | 2023 | 4.13 | {"correctedReviews": 1, "lostLawsuits": 0, "requestsHandled": 500} | 2 | 0 | | 依申请公开被复议、诉讼纠错率(复议纠错案件数加败诉案件数之和除以依申请公开数)高于0.2%,不得分｜(依申请公开行政复议纠错案件数 1 + 依申请公开行政诉讼败诉案件数 0) ÷ 依申请公开数(办理的政府信息公开申请件数) 500 = 0.2%｜未触及扣分档次，不扣分（区司法局）
            高于:0.2004%符合 | 2023 | 4.13 | {"correctedReviews": 1, "lostLawsuits": 0, "requestsHandled": 499} | 0 | 0 | | 依申请公开被复议、诉讼纠错率(复议纠错案件数加败诉案件数之和除以依申请公开数)高于0.2%,不得分｜(依申请公开行政复议纠错案件数 1 + 依申请公开行政诉讼败诉案件数 0) ÷ 依申请公开数(办理的政府信息公开申请件数) 499 = 0.2004%｜高于0.2%，扣2分（区司法局）
            # 未达到: strictly less
            未达到:恰为90%不扣分 | 2023 | 4.1 | {"disclosureRate": 0.9, "lateFilings": 0, "missingDocumentNumbers": 0} | 3 | 0 | | 公开率未达到90%的扣0.5分,未达到80%的扣1分｜公文主动公开率：90%｜未触及扣分档次，不扣分（区政府办公室）
            未达到:恰为80%只扣0.5分 | 2023 | 4.1 | {"disclosureRate": 0.8, "lateFilings": 0, "missingDocumentNumbers": 0} | 2.5 | 0 | | 公开率未达到90%的扣0.5分,未达到80%的扣1分｜公文主动公开率：80%｜低于90%，扣0.5分（区政府办公室）
            未达到:79.9%扣1分 | 2023 | 4.1 | {"disclosureRate": 0.799, "lateFilings": 0, "missingDocumentNumbers": 0} | 2 | 0 | | 公开率未达到90%的扣0.5分,未达到80%的扣1分｜公文主动公开率：79.9%｜低于80%，扣1分（区政府办公室）
            # 不低于: 75% and more
            不低于:恰为75%符合 | 2023 | 5.2 | {"leaderAttended": false, "staffAttendance": 0.75, "internalTraining": false} | 1 | 0 | | 业务科长、业务人员参加区培训出勤率不低于75%的1分｜业务科长、业务人员参加区培训出勤率：75%（条件：不少于75%）｜符合，得1分（区政府办公室）
            不低于:74.9%不符合 | 2023 | 5.2 | {"leaderAttended": false, "staffAttendance": 0.749, "internalTraining": false} | 0 | 0 | | 业务科长、业务人员参加区培训出勤率不低于75%的1分｜业务科长、业务人员参加区培训出勤率：74.9%（条件：不少于75%）｜不符合，不得分（区政府办公室）
            # 之前: on or before the day
            之前:当日发布符合 | 2023 | 4.6 | {"annualReportPublishedOn": "2023-01-20"} | 1 | 0 | | 于2023年1月20日之前发布本单位年度报告,得1分｜本单位政府信息公开年度报告发布日期：2023-01-20（条件：不晚于2023-01-20）｜符合，得1分（区政府办公室）
            之前:次日发布不符合 | 2023 | 4.6 | {"annualReportPublishedOn": "2023-01-21"} | 0 | 0 | | 于2023年1月20日之前发布本单位年度报告,得1分｜本单位政府信息公开年度报告发布日期：2023-01-21（条件：不晚于2023-01-20）｜不符合，不得分（区政府办公室）
            # 每30分: only full 30s count
            每30分:29.9分不计 | 2023 | 7 | {"adoptionScore": 29.9} | 0 | 0 | | 《黄浦信息》录用得分每30分得1分,最高5分｜《黄浦信息》录用得分：29.9｜29.9 ÷ 30 取整 = 0，0 × 1 = 0，不得分（区政府办公室）
            每30分:恰为30分得1分 | 2023 | 7 | {"adoptionScore": 30} | 1 | 0 | | 《黄浦信息》录用得分每30分得1分,最高5分｜《黄浦信息》录用得分：30｜30 ÷ 30 取整 = 1，1 × 1 = 1，得1分（区政府办公室）
            # 超过: the evaluator's finding that the share is over 20%; 超法定期限: any late filing
            超过20%:评估单位认定即扣分 | 2023 | 4.10 | {"ownAccount": true, "usesDistrictPlatforms": true, "updatedMoreThanWeekly": true, "ideologicalError": false, "nonGovernmentContentOver20Percent": true} | 2 | 0 | | 非政务类信息比例超过20%的扣1分｜非政务类信息比例超过20%：是｜符合，扣1分（区委网信办、区政府新闻办）
            超法定期限:1件即扣分 | 2023 | 4.1 | {"disclosureRate": 1, "lateFilings": 1, "missingDocumentNumbers": 0} | 2 | 0 | | 存在公文发布(备案)超法定期限(20个工作日)的,扣1分｜公文发布(备案)超法定期限(20个工作日)的件数：1（条件：不少于1）｜符合，扣1分（区政府办公室）
            超法定期限:0件不扣分 | 2023 | 4.1 | {"disclosureRate": 1, "lateFilings": 0, "missingDocumentNumbers": 0} | 3 | 0 | | 存在公文发布(备案)超法定期限(20个工作日)的,扣1分｜公文发布(备案)超法定期限(20个工作日)的件数：0（条件：不少于1）｜不符合，不扣分（区政府办公室）
            # thresholds of 0 and 1 on an absent count (counts as 0) and an absent rate (no condition on it holds)
            缺失的数量:不少于0成立 | edges | 1.2 | {} | 0 | 2 | 次数；比例 | 次数不少于0次的额外加1分｜次数：未提供（按0计）（条件：不少于0）｜符合，额外加1分（区政府办公室）
            缺失的数量:少于0不成立 | edges | 1.2 | {} | 0 | 2 | 次数；比例 | 次数少于0次的额外加1分｜次数：未提供（按0计）（条件：少于0）｜不符合，不加分（区政府办公室）
            缺失的数量:少于1成立 | edges | 1.2 | {} | 0 | 2 | 次数；比例 | 次数少于1次的额外加1分｜次数：未提供（按0计）（条件：少于1）｜符合，额外加1分（区政府办公室）
            缺失的比率:不少于0也不成立 | edges | 1.2 | {} | 0 | 2 | 次数；比例 | 比例不低于0的额外加1分｜比例：未提供（条件：不少于0%）｜不符合，不加分（区政府办公室）
            缺失的比率:少于100%也不成立 | edges | 1.2 | {} | 0 | 2 | 次数；比例 | 比例低于100%的额外加1分｜比例：未提供（条件：少于100%）｜不符合，不加分（区政府办公室）
            比率为0:不少于0成立 | edges | 1.2 | {"times": 0, "share": 0} | 0 | 4 | | 比例不低于0的额外加1分｜比例：0%（条件：不少于0%）｜符合，额外加1分（区政府办公室）
            数量为0:少于0不成立 | edges | 1.2 | {"times": 0, "share": 0} | 0 | 4 | | 次数少于0次的额外加1分｜次数：0（条件：少于0）｜不符合，不加分（区政府办公室）
            比率为100%:少于100%不成立 | edges | 1.2 | {"times": 1, "share": 1} | 0 | 2 | | 比例低于100%的额外加1分｜比例：100%（条件：少于100%）｜不符合，不加分（区政府办公室）
            数量为1:少于1不成立 | edges | 1.2 | {"times": 1, "share": 1} | 0 | 2 | | 次数少于1次的额外加1分｜次数：1（条件：少于1）｜不符合，不加分（区政府办公室）
            """)
    void pricesAndExplainsTheRuleAsTheSeedReads(String rule, String catalogueName, String indicator, String facts,
                                                BigDecimal basePart, BigDecimal bonus, String missing, String line)
            throws IOException {
        // given the indicator's facts (or none for it)
        Catalogue catalogue = "edges".equals(catalogueName) ? EDGES : TestCatalogues.catalogue2023();
        String json = "-".equals(facts) ? "{}" : "{\"" + indicator + "\": " + facts + "}";
        UnitFacts parsed = FactsParser.parse(catalogue, JSON.readTree(json));

        // when the unit is scored
        ScoreSheet.IndicatorScore score = new ScoreCalculator().score(catalogue, parsed).indicator(indicator);

        // then the points, the inputs listed as missing and the line that shows the rule are as the seed reads
        assertThat(score.basePart()).as("base part").isEqualByComparingTo(basePart);
        assertThat(score.bonus()).as("bonus").isEqualByComparingTo(bonus);
        List<String> expectedMissing = missing == null ? List.of() : Arrays.asList(missing.split("；"));
        assertThat(score.missingInputs()).as("missing inputs").containsExactlyElementsOf(expectedMissing);
        assertThat(score.explanation()).extracting(ScoreSheet.Explanation::text).as(rule).contains(line);
    }

    private static Catalogue read(String resource) {
        try (InputStream in = Objects.requireNonNull(MissingInputsAndThresholdsTests.class.getResourceAsStream(resource))) {
            return CatalogueReader.read(in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
