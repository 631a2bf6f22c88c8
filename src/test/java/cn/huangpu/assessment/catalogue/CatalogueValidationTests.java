package cn.huangpu.assessment.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import cn.huangpu.assessment.catalogue.Criterion.Condition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.MonthDay;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every check of docs/catalogue-format.md ("What the loader checks") and of the reader, on
 * {@code catalogue/every-kind.yaml}: a small valid catalogue with every input type and criterion kind, broken in one
 * place per row. Each row: the text found, what replaces it ({@code \n} for a line break), and the whole message the
 * person who edits the catalogue reads.
 */
class CatalogueValidationTests {

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            # the file's top level
            year: 2023 | year: 二〇二三 | 指标目录 test.yaml：year 须为整数
            title: 校验测试目录 | titel: 校验测试目录 | 指标目录 test.yaml：缺少 title
            totalPoints: 10 | totalPoints: 十 | 指标目录 test.yaml 的 totalPoints 须为数字
            notInvolvedRate: 0.8 | notInvolvedRatio: 0.8 | 指标目录 test.yaml：缺少 notInvolvedRate
            notInvolvedRate: 0.8 | notInvolvedRate: 0 | 指标目录 test.yaml：notInvolvedRate 须在 0 与 1 之间
            notInvolvedRate: 0.8 | notInvolvedRate: 1.01 | 指标目录 test.yaml：notInvolvedRate 须在 0 与 1 之间
            evaluators: | evaluator: | 指标目录 test.yaml：缺少列表 evaluators
            {code: MEDIA, name: 区政府新闻办} | {name: 区政府新闻办} | 指标目录 test.yaml 的评估单位：缺少 code
            {code: MEDIA, name: 区政府新闻办} | {code: MEDIA, name: " "} | 指标目录 test.yaml 的评估单位：缺少 name
            {code: MEDIA, name: 区政府新闻办} | {code: OFFICE, name: 区政府新闻办} | 指标目录 test.yaml：评估单位代码 OFFICE 重复
            sections: | section: | 指标目录 test.yaml：缺少列表 sections
            totalPoints: 10 | totalPoints: 11 | 指标目录 test.yaml：一级指标合计 10 分，应为 11 分
            # sections and groups
            - number: "2" | - numero: "2" | 指标目录 test.yaml 的一级指标：缺少 number
            name: 得分\\n | title: 得分\\n | 一级指标 2：缺少 name
            points: 6\\n    groups: | points: 六\\n    groups: | 一级指标 2 的 points 须为数字
            points: 4\\n            mode: deduct | points: 5\\n            mode: deduct | 一级指标 1 扣分：分值为 4 分，但其下指标基础分合计 5 分
            \\n    groups:\\n      - name: "" | \\n    group:\\n      - name: "" | 一级指标 2：缺少列表 groups
            - name: ""\\n        indicators: | - name: ""\\n        indicator: | 一级指标 2：缺少列表 indicators
            # an indicator
            - code: "2.2" | - cod: "2.2" | 一级指标 2 下的指标：缺少 code
            - code: "2.2" | - code: "2.1" | 指标 2.1：序号重复
            - code: "2.2" | - code: "3.2" | 指标 3.2：不属于一级指标 2
            name: 加分项 | name: " " | 指标 2.2：缺少 name
            points: 0\\n            mode: award | points: 零\\n            mode: award | 指标 2.2 的 points 须为数字
            points: 0\\n            mode: award | points: -1\\n            mode: award | 指标 2.2 加分项：基础分不能为负
            mode: award\\n            inputs:\\n              - {name: cases | mode: both\\n            inputs:\\n              - {name: cases | 指标 2.2：mode 只能是 deduct 或 award
            inputs:\\n              - {name: cases | input:\\n              - {name: cases | 指标 2.2：缺少列表 inputs
            criteria:\\n              - {kind: bonus-if | criterion:\\n              - {kind: bonus-if | 指标 2.2：缺少列表 criteria
            # inputs
            {name: cases, type: count, label: 件数, by: OFFICE} | {type: count, label: 件数, by: OFFICE} | 指标 2.2 的输入项：缺少 name
            {name: published, type: date, | {name: published, type: day, | 指标 2.1 的输入项 published：未知的类型 'day'
            {name: published, type: date, | {name: published, | 指标 2.1 的输入项 published：缺少 type
            {name: score, type: number, label: 录用得分, by: OFFICE} | {name: score, type: number, by: OFFICE} | 指标 2.1 的输入项 score：缺少 label
            {name: score, type: number, label: 录用得分, by: OFFICE} | {name: score, type: number, label: 录用得分} | 指标 2.1 的输入项 score：缺少 by
            {name: score, type: number, | {name: times, type: number, | 指标 2.1 得分指标 的输入项 times：名称重复
            label: 视情扣分, by: MEDIA | label: 视情扣分, by: PRESS | 指标 1.1 扣分指标 的输入项 review：评估单位 'PRESS' 不在目录的评估单位名单中
            {code: SOME, label: 已组织} | {label: 已组织} | 指标 2.1 的输入项 activity 的选项：缺少 code
            {code: SOME, label: 已组织} | {code: SOME} | 指标 2.1 的输入项 activity 的选项：缺少 label
            options: [{code: NONE, label: 未组织}, {code: SOME, label: 已组织}] | options: [] | 指标 2.1 得分指标 的输入项 activity：选择项须列出 options
            label: 质量, by: OFFICE, max: 1} | label: 质量, by: OFFICE, max: 一} | 指标 2.1 的输入项 quality 的 max 须为数字
            label: 质量, by: OFFICE, max: 1} | label: 质量, by: OFFICE} | 指标 2.1 得分指标 的输入项 quality：评分项的 max 须为不超过基础分的0.5的整数倍
            label: 质量, by: OFFICE, max: 1} | label: 质量, by: OFFICE, max: 0} | 指标 2.1 得分指标 的输入项 quality：评分项的 max 须为不超过基础分的0.5的整数倍
            label: 质量, by: OFFICE, max: 1} | label: 质量, by: OFFICE, max: 0.3} | 指标 2.1 得分指标 的输入项 quality：评分项的 max 须为不超过基础分的0.5的整数倍
            label: 视情扣分, by: MEDIA, max: 1} | label: 视情扣分, by: MEDIA, max: 4.5} | 指标 1.1 扣分指标 的输入项 review：评分项的 max 须为不超过基础分的0.5的整数倍
            {name: late, type: flag, label: 迟报, by: OFFICE} | {name: late, type: flag, label: 迟报, by: OFFICE, max: 1} | 指标 1.1 扣分指标 的输入项 late：max 只用于评分项、数量（正整数）和数值（正数）
            label: 办理数, by: OFFICE, max: 500} | label: 办理数, by: OFFICE, max: 0} | 指标 1.1 扣分指标 的输入项 handled：max 只用于评分项、数量（正整数）和数值（正数）
            label: 办理数, by: OFFICE, max: 500} | label: 办理数, by: OFFICE, max: 2.5} | 指标 1.1 扣分指标 的输入项 handled：max 只用于评分项、数量（正整数）和数值（正数）
            label: 录用得分, by: OFFICE} | label: 录用得分, by: OFFICE, max: -1} | 指标 2.1 得分指标 的输入项 score：max 只用于评分项、数量（正整数）和数值（正数）
            # an input computed from a register (from:), as read
            {name: items, type: count, label: 项数, by: OFFICE} | {name: items, type: count, label: 项数, by: OFFICE, from: documents} | 指标 1.1 的输入项 items 的 from：须为 {register: 登记名称, figure: 计算项}
            {name: items, type: count, label: 项数, by: OFFICE} | {name: items, type: count, label: 项数, by: OFFICE, from: {register: documents, figure: missingNumbers, days: 3}} | 指标 1.1 的输入项 items 的 from：未知的字段 days（只有 register、figure、workingDays）
            {name: items, type: count, label: 项数, by: OFFICE} | {name: items, type: count, label: 项数, by: OFFICE, from: {figure: missingNumbers}} | 指标 1.1 的输入项 items 的 from：缺少 register
            {name: items, type: count, label: 项数, by: OFFICE} | {name: items, type: count, label: 项数, by: OFFICE, from: {register: documents}} | 指标 1.1 的输入项 items 的 from：缺少 figure
            {name: late, type: flag, label: 迟报, by: OFFICE} | {name: late, type: flag, label: 迟报, by: OFFICE, from: {register: documents, figure: late, workingDays: 20.5}} | 指标 1.1 的输入项 late 的 from：workingDays 须为整数
            # an input computed from a register, as checked
            {name: items, type: count, label: 项数, by: OFFICE} | {name: items, type: count, label: 项数, by: OFFICE, from: {register: ledger, figure: missingNumbers}} | 指标 1.1 扣分指标 的输入项 items 的 from：未知的登记 'ledger'，可用：consultations、documents
            {name: items, type: count, label: 项数, by: OFFICE} | {name: items, type: count, label: 项数, by: OFFICE, from: {register: consultations, figure: missingNumbers}} | 指标 1.1 扣分指标 的输入项 items 的 from：登记 consultations 没有计算项 'missingNumbers'，可用：late
            {name: items, type: count, label: 项数, by: OFFICE} | {name: items, type: count, label: 项数, by: OFFICE, from: {register: documents, figure: disclosureRate}} | 指标 1.1 扣分指标 的输入项 items 的 from：计算项 disclosureRate 不能用于 count 类型的输入项
            {name: late, type: flag, label: 迟报, by: OFFICE} | {name: late, type: flag, label: 迟报, by: OFFICE, from: {register: documents, figure: missingNumbers}} | 指标 1.1 扣分指标 的输入项 late 的 from：计算项 missingNumbers 不能用于 flag 类型的输入项
            {name: items, type: count, label: 项数, by: OFFICE} | {name: items, type: count, label: 项数, by: MEDIA, from: {register: documents, figure: missingNumbers}} | 指标 1.1 扣分指标 的输入项 items 的 from：按登记计算的输入项须由区政府办公室（OFFICE）提供
            {name: late, type: flag, label: 迟报, by: OFFICE} | {name: late, type: flag, label: 迟报, by: OFFICE, from: {register: documents, figure: late}} | 指标 1.1 扣分指标 的输入项 late 的 from：计算项 late 须给出 workingDays（1到250个工作日）
            {name: late, type: flag, label: 迟报, by: OFFICE} | {name: late, type: flag, label: 迟报, by: OFFICE, from: {register: documents, figure: late, workingDays: 0}} | 指标 1.1 扣分指标 的输入项 late 的 from：计算项 late 须给出 workingDays（1到250个工作日）
            {name: late, type: flag, label: 迟报, by: OFFICE} | {name: late, type: flag, label: 迟报, by: OFFICE, from: {register: documents, figure: late, workingDays: 251}} | 指标 1.1 扣分指标 的输入项 late 的 from：计算项 late 须给出 workingDays（1到250个工作日）
            {name: items, type: count, label: 项数, by: OFFICE} | {name: items, type: count, label: 项数, by: OFFICE, from: {register: documents, figure: missingNumbers, workingDays: 5}} | 指标 1.1 扣分指标 的输入项 items 的 from：workingDays 只用于计算项 late
            {name: late, type: flag, label: 迟报, by: OFFICE} | {name: evidence, type: flag, label: 迟报, by: OFFICE} | 指标 1.1 扣分指标 的输入项 evidence：名称 evidence 已用于评分输入格式本身，请换一个名称
            {name: late, type: flag, label: 迟报, by: OFFICE} | {name: notInvolved, type: flag, label: 迟报, by: OFFICE} | 指标 1.1 扣分指标 的输入项 notInvolved：名称 notInvolved 已用于评分输入格式本身，请换一个名称
            # criteria as read
            {kind: bonus-if, text: 十件以上加1分, | {text: 十件以上加1分, | 指标 2.2 的评分规则第1条：缺少 kind
            {kind: bonus-if, text: 十件以上加1分, | {kind: bonus-when, text: 十件以上加1分, | 指标 2.2 的评分规则第1条：未知的规则类型 'bonus-when'
            {kind: bonus-if, text: 十件以上加1分, | {kind: bonus-if, | 指标 2.2 的评分规则第1条：缺少 text
            count: items, points: 1, cap: 2} | count: items, points: 1, cap: 二} | 指标 1.1 的评分规则第1条 的 cap 须为数字
            number: score, per: 30, | number: score, per: 三十, | 指标 2.1 的评分规则第2条 的 per 须为数字
            points: {NONE: 0, SOME: 1} | points: 1 | 指标 2.1 的评分规则第3条：choice 规则的 points 须为 选项→分值 的映射
            points: {NONE: 0, SOME: 1} | points: {NONE: 0, SOME: 一} | 指标 2.1 的评分规则第3条 的选项 SOME 须为数字
            denominator: handled} | denominatr: handled} | 指标 1.1 的评分规则第4条 的比率：缺少 denominator
            tiers: [{above: 0.002, points: 2}] | tiers: [{points: 2}] | 指标 1.1 的评分规则第4条：每个档次须且只须给出 below 或 above 之一
            tiers: [{above: 0.002, points: 2}] | tiers: [{above: 0.002, below: 0.5, points: 2}] | 指标 1.1 的评分规则第4条：每个档次须且只须给出 below 或 above 之一
            tiers: [{above: 0.002, points: 2}] | tiers: [{above: 0.002}] | 指标 1.1 的评分规则第4条：缺少 points
            campaignYear: "01-20"} | campaignYear: "1月20日"} | 指标 2.1 的评分规则第5条 的条件：onOrBefore 的 campaignYear 须为 月-日（两位数字，如 "01-20"），收到 "1月20日"
            onOrBefore: {campaignYear: "01-20"} | onOrBefore: {year: "01-20"} | 指标 2.1 的评分规则第5条 的条件：onOrBefore 的对象形式只能是 {campaignYear: "月-日"}，收到 {"year":"01-20"}
            onOrBefore: {campaignYear: "01-20"} | onOrBefore: "01-20" | 指标 2.1 的评分规则第5条 的条件：onOrBefore "01-20" 没有写明年份，须写成固定日期（如 "2023-01-20"），或考评年度的月-日（如 {campaignYear: "01-20"}，即考评当年的1月20日）
            onOrBefore: {campaignYear: "01-20"} | onOrBefore: "2023/01/20" | 指标 2.1 的评分规则第5条 的条件：onOrBefore "2023/01/20" 不是日期，须写成固定日期（如 "2023-01-20"），或考评年度的月-日（如 {campaignYear: "01-20"}，即考评当年的1月20日）
            onOrBefore: {campaignYear: "01-20"} | before: {campaignYear: "01-20"} | 指标 2.1 的评分规则第5条 的条件：缺少 onOrBefore，须写成固定日期（如 "2023-01-20"），或考评年度的月-日（如 {campaignYear: "01-20"}，即考评当年的1月20日）
            when: {flag: late} | when: {flg: late} | 指标 1.1 的评分规则第2条 的条件：须给出 flag、count、rate 或 date 之一
            when: {count: cases, atLeast: 10} | when: {count: cases, atLeast: 10, below: 20} | 指标 2.2 的评分规则第1条 的条件：须且只须给出 atLeast 或 below 之一
            when: {count: cases, atLeast: 10} | when: {count: cases} | 指标 2.2 的评分规则第1条 的条件：须且只须给出 atLeast 或 below 之一
            when: {count: cases, atLeast: 10} | when: {count: cases, atLeast: 十} | 指标 2.2 的评分规则第1条 的条件 的 atLeast 须为数字
            # criteria as checked
            {kind: deduct-if, text: 迟报扣1分 | {kind: award-if, text: 迟报扣1分 | 指标 1.1 扣分指标 的评分规则第2条（award-if）：扣分制（deduct）指标不能有加分类规则
            {kind: bonus-if, text: 十件以上加1分 | {kind: deduct-if, text: 十件以上加1分 | 指标 2.2 加分项 的评分规则第1条（deduct-if）：加分项指标（基础分0分）只能有额外加分规则
            points: 0\\n            mode: award | points: 1\\n            mode: award | 指标 2.2 加分项：得分制（award）各项最高得分合计 0 分，应等于基础分 1 分
            number: score, per: 30, points: 1, cap: 1} | number: score, per: 30, points: 1, cap: 2} | 指标 2.1 得分指标：得分制（award）各项最高得分合计 7 分，应等于基础分 6 分
            count: items, points: 1, cap: 2} | count: items, points: 0, cap: 2} | 指标 1.1 扣分指标 的评分规则第1条（deduct-per）：points 须为正数
            count: items, points: 1, cap: 2} | count: items, points: 1, cap: 0} | 指标 1.1 扣分指标 的评分规则第1条（deduct-per）：cap 须为正数
            text: 每项扣1分, count: items, | text: 每项扣1分, | 指标 1.1 扣分指标 的评分规则第1条（deduct-per）：未指明所用的输入项
            count: items, points: 1, cap: 2} | count: late, points: 1, cap: 2} | 指标 1.1 扣分指标 的评分规则第1条（deduct-per）：输入项 'late' 的类型应为 count
            count: items, points: 1, cap: 2} | count: item, points: 1, cap: 2} | 指标 1.1 扣分指标 的评分规则第1条（deduct-per）：引用了未定义的输入项 'item'
            when: {flag: late}, points: 1} | when: {flag: late}} | 指标 1.1 扣分指标 的评分规则第2条（deduct-if）：points 须为正数
            when: {flag: late}, points: 1} | points: 1} | 指标 1.1 扣分指标 的评分规则第2条（deduct-if）：缺少条件 when
            text: 未办理不得分, when: {count: handled, below: 1}} | text: 未办理不得分} | 指标 1.1 扣分指标 的评分规则第6条（zero-if）：缺少条件 when
            when: {flag: late} | when: {flag: items} | 指标 1.1 扣分指标 的评分规则第2条（deduct-if）：输入项 'items' 的类型应为 flag
            when: {date: published, | when: {date: attendance, | 指标 2.1 得分指标 的评分规则第5条（award-if）：输入项 'attendance' 的类型应为 date
            when: {count: handled, below: 1} | when: {count: late, below: 1} | 指标 1.1 扣分指标 的评分规则第6条（zero-if）：输入项 'late' 的类型应为 count
            when: {rate: attendance, | when: {rate: attendence, | 指标 2.1 得分指标 的评分规则第6条（award-if）：引用了未定义的输入项 'attendence'
            when: {count: cases, atLeast: 10} | when: {count: cases, atLeast: -1} | 指标 2.2 加分项 的评分规则第1条（bonus-if）：条件阈值不能为负
            onOrBefore: {campaignYear: "01-20"}}, points: 1} | onOrBefore: {campaignYear: "01-20"}}, points: 0} | 指标 2.1 得分指标 的评分规则第5条（award-if）：points 须为正数
            points: {NONE: 0, SOME: 1} | points: {NONE: 0} | 指标 2.1 得分指标 的评分规则第3条（choice）：未给出选项 SOME 的分值
            points: {NONE: 0, SOME: 1} | points: {NONE: 0, SOME: 1, MORE: 1} | 指标 2.1 得分指标 的评分规则第3条（choice）：选项分值须与输入项的选项一一对应且不为负
            points: {NONE: 0, SOME: 1} | points: {NONE: -1, SOME: 1} | 指标 2.1 得分指标 的评分规则第3条（choice）：选项分值须与输入项的选项一一对应且不为负
            input: activity, | input: quality, | 指标 2.1 得分指标 的评分规则第3条（choice）：输入项 'quality' 的类型应为 choice
            text: 公开率分档, rate: rate, | text: 公开率分档, | 指标 1.1 扣分指标 的评分规则第3条（rate-tiers）：须且只须给出 rate 或 ratio 之一
            text: 纠错率, ratio: | text: 纠错率, rate: rate, ratio: | 指标 1.1 扣分指标 的评分规则第4条（rate-tiers）：须且只须给出 rate 或 ratio 之一
            text: 公开率分档, rate: rate, | text: 公开率分档, rate: items, | 指标 1.1 扣分指标 的评分规则第3条（rate-tiers）：输入项 'items' 的类型应为 rate
            numerator: [items] | numerator: [] | 指标 1.1 扣分指标 的评分规则第4条（rate-tiers）：ratio 须有分子
            numerator: [items] | numerator: [late] | 指标 1.1 扣分指标 的评分规则第4条（rate-tiers）：输入项 'late' 的类型应为 count
            denominator: handled} | denominator: rate} | 指标 1.1 扣分指标 的评分规则第4条（rate-tiers）：输入项 'rate' 的类型应为 count
            tiers: [{above: 0.002, points: 2}] | tiers: [] | 指标 1.1 扣分指标 的评分规则第4条（rate-tiers）：须列出 tiers
            tiers: [{above: 0.002, points: 2}] | tiers: [{above: 0.002, points: 0}] | 指标 1.1 扣分指标 的评分规则第4条（rate-tiers）：tiers.points 须为正数
            {below: 0.8, points: 1} | {below: -0.8, points: 1} | 指标 1.1 扣分指标 的评分规则第3条（rate-tiers）：档次阈值不能为负
            number: score, | number: times, | 指标 2.1 得分指标 的评分规则第2条（per-full）：输入项 'times' 的类型应为 number
            per: 30, | per: 0, | 指标 2.1 得分指标 的评分规则第2条（per-full）：per 须为正数
            number: score, per: 30, | number: score, | 指标 2.1 得分指标 的评分规则第2条（per-full）：per 须为正数
            per: 30, points: 1, cap: 1} | per: 30, points: 0, cap: 1} | 指标 2.1 得分指标 的评分规则第2条（per-full）：points 须为正数
            per: 30, points: 1, cap: 1} | per: 30, points: 1, cap: 0} | 指标 2.1 得分指标 的评分规则第2条（per-full）：cap 须为正数
            per: 30, points: 1, cap: 1} | per: 30, points: 1} | 指标 2.1：得分制的 per-full 规则须有 cap
            count: times, points: 1, cap: 1} | count: times, points: 1} | 指标 2.1：得分制的 award-per 规则须有 cap
            count: times, points: 0.5, cap: 1} | count: times, points: 0.5, cap: 0} | 指标 2.1 得分指标 的评分规则第8条（bonus-per）：cap 须为正数
            input: quality} | input: times} | 指标 2.1 得分指标 的评分规则第4条（judgement）：输入项 'times' 的类型应为 judgement
            input: review} | input: reviews} | 指标 1.1 扣分指标 的评分规则第5条（judgement-deduct）：引用了未定义的输入项 'reviews'
            """)
    void refusesTheBrokenCatalogueNamingWhereAndWhat(String find, String replace, String message) throws IOException {
        // given the valid catalogue broken in one place
        String yaml = replacedOnce(find, replace);

        // when it is read, then it is refused with the whole message
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(CatalogueException.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            notInvolvedRate: 0.8 | notInvolvedRate: 1
            label: 视情扣分, by: MEDIA, max: 1} | label: 视情扣分, by: MEDIA, max: 4}
            label: 视情扣分, by: MEDIA, max: 1} | label: 视情扣分, by: MEDIA, max: 0.5}
            label: 办理数, by: OFFICE, max: 500} | label: 办理数, by: OFFICE, max: 2.0}
            label: 录用得分, by: OFFICE} | label: 录用得分, by: OFFICE, max: 2.5}
            {below: 0.8, points: 1} | {below: 0, points: 1}
            when: {count: cases, atLeast: 10} | when: {count: cases, atLeast: 0}
            points: {NONE: 0, SOME: 1} | points: {SOME: 1, NONE: 0}
            {name: late, type: flag, label: 迟报, by: OFFICE} | {name: late, type: flag, label: 迟报, by: OFFICE, from: {register: consultations, figure: late, workingDays: 250}}
            {name: items, type: count, label: 项数, by: OFFICE} | {name: items, type: count, label: 项数, by: OFFICE, from: {register: documents, figure: late, workingDays: 1}}
            {name: items, type: count, label: 项数, by: OFFICE} | {name: items, type: count, label: 项数, by: OFFICE, from: {register: documents, figure: missingNumbers}}
            """)
    void acceptsTheEdgeOfEachRule(String find, String replace) throws IOException {
        // given the valid catalogue changed to the edge of a rule
        String yaml = replacedOnce(find, replace);

        // when it is read, then it is accepted
        assertThat(read(yaml).indicators()).hasSize(3);
    }

    @Test
    void readsEveryFieldAsWritten() throws IOException {
        // given the valid catalogue
        Catalogue catalogue = read(base());

        // then every field is read as written: decimals exactly, texts stripped, defaults where a field is absent
        assertThat(catalogue.year()).isEqualTo(2023);
        assertThat(catalogue.title()).isEqualTo("校验测试目录");
        assertThat(catalogue.source()).isEmpty();
        assertThat(catalogue.totalPoints()).isEqualTo(new BigDecimal("10"));
        assertThat(catalogue.notInvolvedRate()).isEqualTo(new BigDecimal("0.8"));
        assertThat(catalogue.evaluators()).containsExactly(new Catalogue.Evaluator("OFFICE", "区政府办公室"),
                new Catalogue.Evaluator("MEDIA", "区政府新闻办"));
        assertThat(catalogue.sections()).extracting(Catalogue.Section::number, Catalogue.Section::name,
                Catalogue.Section::points).containsExactly(
                tuple("1", "扣分", new BigDecimal("4")),
                tuple("2", "得分", new BigDecimal("6")));
        assertThat(catalogue.sections().get(0).groups()).extracting(Catalogue.IndicatorGroup::name).containsExactly("扣分组");
        assertThat(catalogue.sections().get(1).groups()).extracting(Catalogue.IndicatorGroup::name).containsExactly("");

        Indicator deduct = catalogue.indicator("1.1").orElseThrow();
        assertThat(deduct).extracting(Indicator::name, Indicator::keyPoints, Indicator::standard, Indicator::method,
                Indicator::points, Indicator::mode, Indicator::notInvolvedAllowed)
                .containsExactly("扣分指标", "要点", "标准", "方式", new BigDecimal("4"), Indicator.Mode.DEDUCT, true);
        assertThat(deduct.inputs()).extracting(Input::name, Input::type, Input::label, Input::by, Input::max)
                .containsExactly(
                        tuple("items", InputType.COUNT, "项数", "OFFICE", null),
                        tuple("late", InputType.FLAG, "迟报", "OFFICE", null),
                        tuple("rate", InputType.RATE, "公开率", "OFFICE", null),
                        tuple("review", InputType.JUDGEMENT, "视情扣分", "MEDIA", new BigDecimal("1")),
                        tuple("handled", InputType.COUNT, "办理数", "OFFICE", new BigDecimal("500")));
        List<Criterion> d = deduct.criteria();
        assertThat(d.get(0)).isEqualTo(new Criterion(Criterion.Kind.DEDUCT_PER, "每项扣1分", "items", new BigDecimal("1"),
                new BigDecimal("2"), null, null, null, List.of(), null));
        assertThat(d.get(1).when()).isEqualTo(new Condition("late", Condition.Test.IS_TRUE, null, null));
        assertThat(d.get(2).input()).isEqualTo("rate");
        assertThat(d.get(2).tiers()).containsExactly(new Criterion.Tier(false, new BigDecimal("0.8"), new BigDecimal("1")),
                new Criterion.Tier(false, new BigDecimal("0.9"), new BigDecimal("0.5")));
        assertThat(d.get(3).ratio()).isEqualTo(new Criterion.Ratio(List.of("items"), "handled"));
        assertThat(d.get(3).input()).isNull();
        assertThat(d.get(3).tiers()).containsExactly(new Criterion.Tier(true, new BigDecimal("0.002"), new BigDecimal("2")));
        assertThat(d.get(4)).extracting(Criterion::kind, Criterion::input).containsExactly(Criterion.Kind.JUDGEMENT_DEDUCT, "review");
        assertThat(d.get(5).when()).isEqualTo(new Condition("handled", Condition.Test.BELOW, new BigDecimal("1"), null));

        Indicator award = catalogue.indicator("2.1").orElseThrow();
        assertThat(award.mode()).isEqualTo(Indicator.Mode.AWARD);
        assertThat(award.notInvolvedAllowed()).isFalse();
        assertThat(award.input("activity").orElseThrow().options()).containsExactly(
                new Input.Option("NONE", "未组织"), new Input.Option("SOME", "已组织"));
        List<Criterion> a = award.criteria();
        assertThat(a.get(1)).extracting(Criterion::input, Criterion::per, Criterion::points, Criterion::cap)
                .containsExactly("score", new BigDecimal("30"), new BigDecimal("1"), new BigDecimal("1"));
        assertThat(a.get(2).optionPoints()).containsExactly(entry("NONE", new BigDecimal("0")), entry("SOME", new BigDecimal("1")));
        assertThat(a.get(2).points()).isNull();
        assertThat(a.get(4).when()).isEqualTo(new Condition("published", Condition.Test.ON_OR_BEFORE, null, DueDate.inCampaignYear(MonthDay.of(1, 20))));
        assertThat(a.get(5).when()).isEqualTo(new Condition("attendance", Condition.Test.AT_LEAST, new BigDecimal("0.75"), null));
        assertThat(a.get(6).kind()).isEqualTo(Criterion.Kind.BONUS_IF);
        assertThat(a.get(7)).extracting(Criterion::kind, Criterion::points, Criterion::cap)
                .containsExactly(Criterion.Kind.BONUS_PER, new BigDecimal("0.5"), new BigDecimal("1"));
    }

    @Test
    void refusesAFileThatIsNotYamlOrNotAMapping() {
        assertThatThrownBy(() -> read("year: [2023")).isInstanceOf(CatalogueException.class)
                .hasMessageStartingWith("指标目录 test.yaml 不是合法的YAML：");
        assertThatThrownBy(() -> read("")).isInstanceOf(CatalogueException.class)
                .hasMessage("指标目录 test.yaml 为空或格式不正确");
        assertThatThrownBy(() -> read("- 2023")).isInstanceOf(CatalogueException.class)
                .hasMessage("指标目录 test.yaml 为空或格式不正确");
    }

    /** The base file with {@code find} replaced; {@code find} must occur exactly once, so each row breaks one place. */
    private static String replacedOnce(String find, String replace) throws IOException {
        String base = base();
        String from = find.replace("\\n", "\n");
        int at = base.indexOf(from);
        assertThat(at).as("'%s' in every-kind.yaml", find).isNotNegative();
        assertThat(base.indexOf(from, at + 1)).as("'%s' only once in every-kind.yaml", find).isNegative();
        return base.substring(0, at) + replace.replace("\\n", "\n") + base.substring(at + from.length());
    }

    private static Catalogue read(String yaml) {
        return CatalogueReader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    private static String base() throws IOException {
        try (InputStream in = Objects.requireNonNull(
                CatalogueValidationTests.class.getResourceAsStream("/catalogue/every-kind.yaml"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
