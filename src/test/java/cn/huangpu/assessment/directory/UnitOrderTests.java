package cn.huangpu.assessment.directory;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.directory.UnitOrder.Group;
import cn.huangpu.assessment.directory.UnitOrder.Place;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The order of every list of units: 委办局 then 街道, each in the office's usual order. */
class UnitOrderTests {

    /** A few units of the seed, with their kinds and sort orders. */
    static final UnitOrder ORDER = new UnitOrder(List.of(
            new Place("fgw", "区发展改革委", UnitKind.DEPARTMENT, 1),
            new Place("jyj", "区教育局", UnitKind.DEPARTMENT, 2),
            new Place("czj", "区财政局", UnitKind.DEPARTMENT, 7),
            new Place("cl", "区残联", UnitKind.DEPARTMENT, 37),
            new Place("waitan", "外滩街道", UnitKind.STREET, 38),
            new Place("bansongyuanlu", "半淞园路街道", UnitKind.STREET, 40),
            new Place("yuyuan", "豫园街道", UnitKind.STREET, 42),
            new Place("ruijinerlu", "瑞金二路街道", UnitKind.STREET, 47)));

    /** The codes as a campaign lists them (by code), which mixes the kinds. */
    static final List<String> BY_CODE = List.of("bansongyuanlu", "cl", "czj", "fgw", "jyj", "ruijinerlu", "waitan", "yuyuan");

    @Test
    void groupsDepartmentsBeforeStreetsEachInTheUsualOrder() {
        // when units listed by code are grouped
        List<Group<String>> groups = ORDER.grouped(BY_CODE, Function.identity());

        // then the departments come first, then the streets, each group in the reference data's order, with its size
        assertThat(groups).extracting(Group::label).containsExactly("委办局", "街道");
        assertThat(groups).extracting(Group::size).containsExactly(4, 4);
        assertThat(groups.get(0).items()).containsExactly("fgw", "jyj", "czj", "cl");
        assertThat(groups.get(1).items()).containsExactly("waitan", "bansongyuanlu", "yuyuan", "ruijinerlu");
        // and the flat order is the same
        assertThat(ORDER.sorted(BY_CODE, Function.identity()))
                .containsExactly("fgw", "jyj", "czj", "cl", "waitan", "bansongyuanlu", "yuyuan", "ruijinerlu");
    }

    @Test
    void leavesOutAKindWithoutUnitsAndPutsUnknownUnitsLastByCode() {
        // when only streets and two codes the directory does not know are listed
        List<Group<String>> groups = ORDER.grouped(List.of("zz", "yuyuan", "aa", "waitan"), Function.identity());

        // then there is no empty 委办局 group, and the unknown codes follow in a group of their own
        assertThat(groups).extracting(Group::label).containsExactly("街道", "其他单位");
        assertThat(groups.get(0).items()).containsExactly("waitan", "yuyuan");
        assertThat(groups.get(1).items()).containsExactly("aa", "zz");
        assertThat(groups.get(1).kind()).isNull();
        assertThat(ORDER.name("aa")).isEqualTo("aa");
        assertThat(ORDER.name("czj")).isEqualTo("区财政局");
    }

    @Test
    void unitsOfEqualSortOrderFollowByChineseName() {
        // given two departments that share a sort order (one added by a later migration)
        UnitOrder order = new UnitOrder(List.of(new Place("b", "区教育局", UnitKind.DEPARTMENT, 5),
                new Place("a", "区体育局", UnitKind.DEPARTMENT, 5)));

        // then they follow by name in the zh-CN collation (教 jiao before 体 ti), not by code
        assertThat(order.sorted(List.of("a", "b"), Function.identity())).containsExactly("b", "a");
    }

    @Test
    void ranksWithinEachKindAndBreaksTiesInTheUsualOrder() {
        // given totals per unit
        Map<String, Integer> totals = Map.of("fgw", 80, "czj", 95, "jyj", 80, "waitan", 70, "yuyuan", 90, "cl", 60);

        // when they are grouped with the highest total first
        List<Group<String>> groups = ORDER.grouped(totals.keySet(), Function.identity(),
                Comparator.comparing((String code) -> totals.get(code)).reversed());

        // then each kind is ranked on its own, equal totals in the usual order
        assertThat(groups.get(0).items()).containsExactly("czj", "fgw", "jyj", "cl");
        assertThat(groups.get(1).items()).containsExactly("yuyuan", "waitan");
    }

    @Test
    void neighboursFollowTheListsOrderAcrossTheKinds() {
        // the last department is followed by the first street
        assertThat(ORDER.neighbours(BY_CODE, "cl")).isEqualTo(new UnitOrder.Neighbours("czj", "waitan"));
        assertThat(ORDER.neighbours(BY_CODE, "waitan")).isEqualTo(new UnitOrder.Neighbours("cl", "bansongyuanlu"));
        // the ends have no neighbour on their outer side, and a unit not listed has none
        assertThat(ORDER.neighbours(BY_CODE, "fgw")).isEqualTo(new UnitOrder.Neighbours(null, "jyj"));
        assertThat(ORDER.neighbours(BY_CODE, "ruijinerlu")).isEqualTo(new UnitOrder.Neighbours("yuyuan", null));
        assertThat(ORDER.neighbours(BY_CODE, "sjj")).isEqualTo(new UnitOrder.Neighbours(null, null));
    }
}
