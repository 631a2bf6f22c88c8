package cn.huangpu.assessment.feedback.internal;

import cn.huangpu.assessment.deadline.DeadlineLength;
import cn.huangpu.assessment.feedback.FeedbackRules;
import cn.huangpu.assessment.feedback.FeedbackWindow;
import cn.huangpu.assessment.feedback.Objection;
import cn.huangpu.assessment.feedback.UnitAnswer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The feedback module's tables (V71): plain SQL, so that a window of 6,000 units is written in batches and a
 * unit's step never loads the window's other rows. Only {@code feedback} uses it.
 */
@Repository
public class FeedbackStore {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    FeedbackStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    // rules

    public Optional<FeedbackRules> rules(Long campaignId) {
        return jdbc.query("select window_days, counted, reopen_after_send_back, rulings_public from feedback_rules"
                + " where campaign_id = ?", (rs, i) -> new FeedbackRules(new DeadlineLength(rs.getInt(1),
                DeadlineLength.Counted.valueOf(rs.getString(2))), rs.getBoolean(3), rs.getBoolean(4)), campaignId)
                .stream().findFirst();
    }

    public void saveRules(Long campaignId, FeedbackRules rules, String actor, Instant at) {
        jdbc.update("delete from feedback_rules where campaign_id = ?", campaignId);
        jdbc.update("insert into feedback_rules (campaign_id, window_days, counted, reopen_after_send_back, rulings_public,"
                        + " set_by, set_at) values (?, ?, ?, ?, ?, ?, ?)", campaignId, rules.window().days(),
                rules.window().counted().name(), rules.reopenAfterSendBack(), rules.rulingsPublic(), actor,
                Timestamp.from(at));
    }

    // windows

    private static final String WINDOW_COLUMNS = "id, campaign_id, window_no, round_before, opened_at, due, length_text,"
            + " pending, concluded_at";

    public List<FeedbackWindow> windows(Long campaignId) {
        return jdbc.query("select " + WINDOW_COLUMNS + " from feedback_window where campaign_id = ? order by window_no",
                FeedbackStore::window, campaignId);
    }

    public Optional<FeedbackWindow> window(Long campaignId, int windowNo) {
        return jdbc.query("select " + WINDOW_COLUMNS + " from feedback_window where campaign_id = ? and window_no = ?",
                FeedbackStore::window, campaignId, windowNo).stream().findFirst();
    }

    /** The window's row, locked until the caller's transaction ends. */
    public FeedbackWindow lockWindow(long windowId) {
        return jdbc.queryForObject("select " + WINDOW_COLUMNS + " from feedback_window where id = ? for update",
                FeedbackStore::window, windowId);
    }

    public long insertWindow(Long campaignId, int windowNo, int roundBefore, Instant openedAt, Instant due,
                             String lengthText, int units) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        named.update("insert into feedback_window (campaign_id, window_no, round_before, opened_at, due, length_text,"
                + " pending) values (:c, :n, :r, :o, :d, :l, :p)", new MapSqlParameterSource()
                .addValue("c", campaignId).addValue("n", windowNo).addValue("r", roundBefore)
                .addValue("o", Timestamp.from(openedAt)).addValue("d", Timestamp.from(due)).addValue("l", lengthText)
                .addValue("p", units), key, new String[]{"id"});
        return key.getKey().longValue();
    }

    public void countDown(long windowId, Instant concludedAt) {
        jdbc.update("update feedback_window set pending = pending - 1 where id = ?", windowId);
        if (concludedAt != null) {
            jdbc.update("update feedback_window set concluded_at = ? where id = ? and pending = 0",
                    Timestamp.from(concludedAt), windowId);
        }
    }

    private static FeedbackWindow window(ResultSet rs, int row) throws SQLException {
        return new FeedbackWindow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), instant(rs, 5),
                instant(rs, 6), rs.getString(7), rs.getInt(8), instant(rs, 9));
    }

    // answers

    public void insertAnswers(long windowId, Long campaignId, List<String> unitCodes) {
        jdbc.batchUpdate("insert into feedback_answer (window_id, campaign_id, unit_code, status) values (?, ?, ?, ?)",
                unitCodes, 500, (statement, unit) -> {
                    statement.setLong(1, windowId);
                    statement.setLong(2, campaignId);
                    statement.setString(3, unit);
                    statement.setString(4, UnitAnswer.Status.PENDING.name());
                });
    }

    /** Marks the unit launched; 0 when it was launched already (a job executed twice). */
    public int markLaunched(long windowId, String unitCode) {
        return jdbc.update("update feedback_answer set launched = true where window_id = ? and unit_code = ?"
                + " and launched = false", windowId, unitCode);
    }

    public List<UnitAnswer> answers(long windowId) {
        return jdbc.query("select window_id, unit_code, status, answered_by, answered_at, concluded from feedback_answer"
                + " where window_id = ? order by unit_code", FeedbackStore::answer, windowId);
    }

    public Optional<UnitAnswer> answer(long windowId, String unitCode) {
        return jdbc.query("select window_id, unit_code, status, answered_by, answered_at, concluded from feedback_answer"
                + " where window_id = ? and unit_code = ?", FeedbackStore::answer, windowId, unitCode).stream().findFirst();
    }

    /** Records a pending unit's answer; 0 when it has one already. */
    public int answer(long windowId, String unitCode, UnitAnswer.Status status, String actor, Instant at) {
        return jdbc.update("update feedback_answer set status = ?, answered_by = ?, answered_at = ? where window_id = ?"
                        + " and unit_code = ? and status = ?", status.name(), actor, Timestamp.from(at), windowId, unitCode,
                UnitAnswer.Status.PENDING.name());
    }

    /** Marks the unit's feedback concluded; 0 when it was already. */
    public int conclude(long windowId, String unitCode) {
        return jdbc.update("update feedback_answer set concluded = true where window_id = ? and unit_code = ?"
                + " and concluded = false", windowId, unitCode);
    }

    private static UnitAnswer answer(ResultSet rs, int row) throws SQLException {
        return new UnitAnswer(rs.getLong(1), rs.getString(2), UnitAnswer.Status.valueOf(rs.getString(3)), rs.getString(4),
                instant(rs, 5), rs.getBoolean(6));
    }

    // objections

    private static final String OBJECTION_COLUMNS = "o.id, o.window_id, w.window_no, o.campaign_id, o.unit_code, o.indicator_code,"
            + " o.reason, o.evidence_links, o.status, o.points_before, o.points_after, o.total_before, o.total_after,"
            + " o.ruling_reason, o.ruled_by, o.ruled_at, o.created_by, o.created_at, o.version";
    private static final String OBJECTIONS = "select " + OBJECTION_COLUMNS
            + " from feedback_objection o join feedback_window w on w.id = o.window_id";

    /** A unit's objections of every window, newest window first, then by indicator. */
    public List<Objection> objections(Long campaignId, String unitCode) {
        return withDetails(jdbc.query(OBJECTIONS + " where o.campaign_id = ? and o.unit_code = ?"
                + " order by w.window_no desc, o.id", FeedbackStore::objection, campaignId, unitCode));
    }

    /** Every objection of a campaign's windows that is not a draft, without files and opinions. */
    public List<Objection> raised(Long campaignId) {
        return jdbc.query(OBJECTIONS + " where o.campaign_id = ? and o.status <> 'DRAFT' order by w.window_no, o.unit_code,"
                + " o.id", FeedbackStore::objection, campaignId);
    }

    /** Raised objections on the given indicators, with their opinions and files. */
    public List<Objection> raisedOn(Long campaignId, Collection<String> indicatorCodes) {
        if (indicatorCodes.isEmpty()) {
            return List.of();
        }
        return withDetails(named.query(OBJECTIONS + " where o.campaign_id = :c and o.status <> 'DRAFT'"
                        + " and o.indicator_code in (:i) order by w.window_no desc, o.unit_code, o.id",
                new MapSqlParameterSource("c", campaignId).addValue("i", indicatorCodes), FeedbackStore::objection));
    }

    public Optional<Objection> objection(long id) {
        return withDetails(jdbc.query(OBJECTIONS + " where o.id = ?", FeedbackStore::objection, id)).stream().findFirst();
    }

    public long insertObjection(long windowId, Long campaignId, String unitCode, String indicatorCode, String reason,
                                String links, String actor, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        named.update("insert into feedback_objection (window_id, campaign_id, unit_code, indicator_code, reason,"
                + " evidence_links, status, created_by, created_at) values (:w, :c, :u, :i, :r, :l, 'DRAFT', :by, :at)",
                new MapSqlParameterSource().addValue("w", windowId).addValue("c", campaignId).addValue("u", unitCode)
                        .addValue("i", indicatorCode).addValue("r", reason).addValue("l", links).addValue("by", actor)
                        .addValue("at", Timestamp.from(at)), key, new String[]{"id"});
        return key.getKey().longValue();
    }

    /** Changes a draft at the version it was loaded at; 0 when someone changed it since, or it is no draft. */
    public int updateDraft(long id, long version, String reason, String links) {
        return jdbc.update("update feedback_objection set reason = ?, evidence_links = ?, version = version + 1"
                + " where id = ? and version = ? and status = 'DRAFT'", reason, links, id, version);
    }

    public void deleteDraft(long id) {
        jdbc.update("delete from feedback_objection_file where objection_id = ?", id);
        jdbc.update("delete from feedback_objection where id = ? and status = 'DRAFT'", id);
    }

    public void raise(long id, BigDecimal pointsBefore, BigDecimal totalBefore) {
        jdbc.update("update feedback_objection set status = 'RAISED', points_before = ?, total_before = ?,"
                + " version = version + 1 where id = ? and status = 'DRAFT'", pointsBefore, totalBefore, id);
    }

    /** Records the ruling of a raised objection; 0 when it was ruled already. */
    public int rule(long id, Objection.Status ruling, String reason, String actor, Instant at, BigDecimal pointsAfter,
                    BigDecimal totalAfter) {
        return jdbc.update("update feedback_objection set status = ?, ruling_reason = ?, ruled_by = ?, ruled_at = ?,"
                        + " points_after = ?, total_after = ?, version = version + 1 where id = ? and status = 'RAISED'",
                ruling.name(), reason, actor, Timestamp.from(at), pointsAfter, totalAfter, id);
    }

    private static Objection objection(ResultSet rs, int row) throws SQLException {
        return new Objection(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), Objection.Status.valueOf(rs.getString(9)), rs.getBigDecimal(10),
                rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getString(14), rs.getString(15),
                instant(rs, 16), rs.getString(17), instant(rs, 18), rs.getLong(19), List.of(), List.of());
    }

    private List<Objection> withDetails(List<Objection> objections) {
        if (objections.isEmpty()) {
            return objections;
        }
        List<Long> ids = objections.stream().map(Objection::id).toList();
        Map<Long, List<Objection.File>> files = new HashMap<>();
        named.query("select id, objection_id, file_name, size_bytes, uploaded_by, uploaded_at from feedback_objection_file"
                + " where objection_id in (:ids) order by id", new MapSqlParameterSource("ids", ids), rs -> {
                    files.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Objection.File(rs.getLong(1),
                            rs.getString(3), rs.getLong(4), rs.getString(5), instant(rs, 6)));
                });
        Map<Long, List<Objection.Opinion>> opinions = new HashMap<>();
        named.query("select id, objection_id, evaluator_code, question, requested_by, requested_at, opinion, answered_by,"
                + " answered_at from feedback_opinion where objection_id in (:ids) order by id",
                new MapSqlParameterSource("ids", ids), rs -> {
                    opinions.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(opinion(rs));
                });
        return objections.stream().map(o -> new Objection(o.id(), o.windowId(), o.windowNo(), o.campaignId(), o.unitCode(),
                o.indicatorCode(), o.reason(), o.evidenceLinks(), o.status(), o.pointsBefore(), o.pointsAfter(),
                o.totalBefore(), o.totalAfter(), o.rulingReason(), o.ruledBy(), o.ruledAt(), o.createdBy(), o.createdAt(),
                o.version(), files.getOrDefault(o.id(), List.of()), opinions.getOrDefault(o.id(), List.of()))).toList();
    }

    // files

    public long insertFile(long objectionId, String fileName, String contentType, byte[] content, String actor,
                           Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        named.update("insert into feedback_objection_file (objection_id, file_name, content_type, size_bytes, content,"
                + " uploaded_by, uploaded_at) values (:o, :n, :t, :s, :c, :by, :at)", new MapSqlParameterSource()
                .addValue("o", objectionId).addValue("n", fileName).addValue("t", contentType)
                .addValue("s", content.length).addValue("c", content).addValue("by", actor)
                .addValue("at", Timestamp.from(at)), key, new String[]{"id"});
        return key.getKey().longValue();
    }

    /** A file's name, type and content, if it belongs to the objection. */
    public Optional<StoredFile> file(long objectionId, long fileId) {
        return jdbc.query("select file_name, content_type, content from feedback_objection_file where id = ?"
                        + " and objection_id = ?", (rs, i) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3)),
                fileId, objectionId).stream().findFirst();
    }

    public int deleteFile(long objectionId, long fileId) {
        return jdbc.update("delete from feedback_objection_file where id = ? and objection_id = ?", fileId, objectionId);
    }

    public record StoredFile(String fileName, String contentType, byte[] content) {
    }

    // opinions

    public long insertOpinion(long objectionId, String evaluatorCode, String question, String actor, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        named.update("insert into feedback_opinion (objection_id, evaluator_code, question, requested_by, requested_at)"
                + " values (:o, :e, :q, :by, :at)", new MapSqlParameterSource().addValue("o", objectionId)
                .addValue("e", evaluatorCode).addValue("q", question).addValue("by", actor)
                .addValue("at", Timestamp.from(at)), key, new String[]{"id"});
        return key.getKey().longValue();
    }

    public Optional<Objection.Opinion> opinion(long id) {
        return jdbc.query("select id, objection_id, evaluator_code, question, requested_by, requested_at, opinion,"
                + " answered_by, answered_at from feedback_opinion where id = ?", (rs, i) -> opinion(rs), id)
                .stream().findFirst();
    }

    /** Records the opinion once; 0 when it was given already. */
    public int answerOpinion(long id, String opinion, String actor, Instant at) {
        return jdbc.update("update feedback_opinion set opinion = ?, answered_by = ?, answered_at = ? where id = ?"
                + " and answered_at is null", opinion, actor, Timestamp.from(at), id);
    }

    private static Objection.Opinion opinion(ResultSet rs) throws SQLException {
        return new Objection.Opinion(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                instant(rs, 6), rs.getString(7), rs.getString(8), instant(rs, 9));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
