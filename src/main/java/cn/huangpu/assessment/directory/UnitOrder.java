package cn.huangpu.assessment.directory;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The one order in which every page lists units (the dashboard, the progress page, the results, the comprehensive
 * evaluation and its previous/next links, an evaluator's grid and its spreadsheet).
 *
 * <p>Grouped by kind in the plan's order ({@link UnitKind}: 委办局, then 街道). Within a kind, in the office's
 * usual order, the reference data's {@code sort_order}: the district's sequence of departments (区发展改革委,
 * 区教育局, 区科委 …) and of streets (外滩街道 … 瑞金二路街道), which is how the office's documents and the
 * leading group's tables list them. A collation of the names would not serve: nearly every department's name
 * starts with 区, and staff look a unit up by name with the lists' filter anyway. Units of equal sort order
 * follow by name (zh-CN collation), then by code; units the directory does not know come last, by code.
 *
 * <p>A snapshot of the directory, read once per page ({@link ReferenceData#unitOrder()}).
 */
public final class UnitOrder {

    /** One unit as the order needs it. */
    record Place(String code, String name, UnitKind kind, int sortOrder) {
    }

    /**
     * The units of one kind, in order.
     *
     * @param kind null for units the directory does not know
     */
    public record Group<T>(UnitKind kind, List<T> items) {

        /** The group's heading: 委办局, 街道, or 其他单位. */
        public String label() {
            return kind == null ? "其他单位" : kind.label();
        }

        public int size() {
            return items.size();
        }
    }

    /** The units before and after one in the order; null at either end. */
    public record Neighbours(String previous, String next) {
    }

    private final Map<String, Place> places = new LinkedHashMap<>();
    private final Comparator<String> codes;

    UnitOrder(Collection<Place> known) {
        known.forEach(p -> places.put(p.code(), p));
        Collator names = Collator.getInstance(Locale.SIMPLIFIED_CHINESE);
        Comparator<String> byPlace = Comparator
                .comparingInt((String code) -> kindRank(places.get(code)))
                .thenComparingInt(code -> places.containsKey(code) ? places.get(code).sortOrder() : 0)
                .thenComparing(code -> places.containsKey(code) ? places.get(code).name() : "", names);
        // the directory's units ranked once: a page sorts thousands of units, and a collation compare is slow
        List<String> ranked = new ArrayList<>(places.keySet());
        ranked.sort(byPlace.thenComparing(Comparator.naturalOrder()));
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < ranked.size(); i++) {
            rank.put(ranked.get(i), i);
        }
        this.codes = Comparator.comparingInt((String code) -> rank.getOrDefault(code, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder());
    }

    private static int kindRank(Place place) {
        return place == null ? UnitKind.values().length : place.kind().ordinal();
    }

    /** Unit codes in the order. */
    public Comparator<String> codes() {
        return codes;
    }

    /** The items in the order of their units. */
    public <T> List<T> sorted(Collection<T> items, Function<? super T, String> code) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(code, codes));
        return sorted;
    }

    /** The items grouped by their unit's kind, each group in the order; groups without items are left out. */
    public <T> List<Group<T>> grouped(Collection<T> items, Function<? super T, String> code) {
        return grouped(items, code, (a, b) -> 0);
    }

    /**
     * The items grouped by their unit's kind, each group ordered by {@code within} and then in the order (a
     * ranking within each kind); groups without items are left out.
     */
    public <T> List<Group<T>> grouped(Collection<T> items, Function<? super T, String> code, Comparator<? super T> within) {
        Map<UnitKind, List<T>> byKind = new LinkedHashMap<>();
        for (UnitKind kind : UnitKind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        List<T> unknown = new ArrayList<>();
        for (T item : items) {
            Place place = places.get(code.apply(item));
            (place == null ? unknown : byKind.get(place.kind())).add(item);
        }
        Comparator<T> ranked = within::compare;
        Comparator<T> order = ranked.thenComparing(code, codes);
        List<Group<T>> groups = new ArrayList<>();
        byKind.forEach((kind, members) -> add(groups, kind, members, order));
        add(groups, null, unknown, order);
        return groups;
    }

    private static <T> void add(List<Group<T>> groups, UnitKind kind, List<T> members, Comparator<T> order) {
        if (!members.isEmpty()) {
            members.sort(order);
            groups.add(new Group<>(kind, List.copyOf(members)));
        }
    }

    /** The units before and after {@code code} among {@code among}, in the order. */
    public Neighbours neighbours(Collection<String> among, String code) {
        List<String> sorted = sorted(among, Function.identity());
        int at = sorted.indexOf(code);
        if (at < 0) {
            return new Neighbours(null, null);
        }
        return new Neighbours(at > 0 ? sorted.get(at - 1) : null, at + 1 < sorted.size() ? sorted.get(at + 1) : null);
    }

    /** The unit's name, or its code if the directory does not know it. */
    public String name(String code) {
        Place place = places.get(code);
        return place == null ? code : place.name();
    }
}
