package cn.huangpu.assessment.deadline;

/**
 * Whose deadline it is: the words of its notices and tasks, the page where its work is done, and (in
 * {@link DeadlineService}) what passing, extending and closing it record. The name is what a calling model
 * passes as {@code deadlineKind}.
 */
public enum DeadlineKind {

    /** A unit's self-check (UnitAssessment). */
    SELF_CHECK(Party.UNIT, "自查", "自查", "/app/self-check/", "未按期提交。"),
    /** A specialist evaluator's results (SpecialistEvaluation). */
    SPECIALIST_EVALUATION(Party.EVALUATOR, "专项评估结果", "专项评估", "/app/evaluation/", "未按期提交。"),
    /** A unit's rectification after publication (UnitRectification). */
    RECTIFICATION(Party.UNIT, "整改", "整改", "/app/rectification/", "未按期完成。"),
    /**
     * A unit's answer to its preliminary results in the feedback window (UnitFeedback): never chased; a unit that
     * does not answer in time is deemed to have no objection.
     */
    FEEDBACK(Party.UNIT, "评估结果确认（意见反馈）", "意见反馈", "/app/feedback/", "逾期未反馈，视为无异议。");

    /** Who owes the work: names, groups and codes come from the unit or the evaluator. */
    enum Party { UNIT, EVALUATOR }

    final Party party;
    /** What is owed, in a notice: 外滩街道的「自查」. */
    final String work;
    /** What the chase task is about: 督促逾期「自查」. */
    final String chased;
    /** The page of the work, followed by {campaign}/{code}. */
    final String page;
    /** What a deadline that passed without a chase means, in its notice. */
    final String lapsed;

    DeadlineKind(Party party, String work, String chased, String page, String lapsed) {
        this.party = party;
        this.work = work;
        this.chased = chased;
        this.page = page;
        this.lapsed = lapsed;
    }
}
