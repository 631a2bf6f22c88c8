package cn.huangpu.assessment.results;

import cn.huangpu.assessment.persistence.AssignedKeyEntity;
import cn.huangpu.assessment.scoring.ScoreSheet;
import cn.huangpu.assessment.scoring.ScoreSheetJson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * A result's score sheet as its round priced it: written once with the result (ScoreRecord) of the same
 * campaign, unit and round, and read back as that value. Nothing prices it again.
 */
@Entity
@Table(name = "score_sheet")
@IdClass(StoredSheet.Key.class)
class StoredSheet extends AssignedKeyEntity<StoredSheet.Key> {

    record Key(Long campaignId, String unitCode, int round) implements Serializable {
        @SuppressWarnings("unused")
        Key() {
            this(null, null, 0);
        }
    }

    @Id
    @Column(name = "campaign_id")
    private Long campaignId;

    @Id
    @Column(name = "unit_code")
    private String unitCode;

    @Id
    @Column(name = "scoring_round")
    private int round;

    @Column(name = "sheet_json", nullable = false, updatable = false)
    private String sheetJson;

    protected StoredSheet() {
    }

    StoredSheet(Key key, ScoreSheet sheet) {
        this.campaignId = key.campaignId();
        this.unitCode = key.unitCode();
        this.round = key.round();
        this.sheetJson = ScoreSheetJson.write(sheet);
    }

    @Override
    public Key getId() {
        return new Key(campaignId, unitCode, round);
    }

    String getUnitCode() {
        return unitCode;
    }

    ScoreSheet sheet() {
        return ScoreSheetJson.read(sheetJson);
    }
}
