package cn.huangpu.assessment.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huangpu.assessment.campaign.CampaignInfo;
import cn.huangpu.assessment.campaign.CampaignService;
import cn.huangpu.assessment.campaign.OpenCampaign;
import cn.huangpu.assessment.support.TestUsers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A one-off notification (a click) is recorded once even when its twin arrives at the same moment: the
 * twin's transaction has written the key but not committed when this one looks, so the look finds
 * nothing and only the database's unique constraint can tell. The same on every database.
 */
abstract class NotifyOnceContract {

    @Autowired NotificationService notifications;
    @Autowired CampaignService campaigns;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aTwinRequestInFlightMakesTheSecondRecordNothing() throws Exception {
        // given a campaign, and the twin request's transaction holding the key, not yet committed
        CampaignInfo campaign = campaigns.open(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("yuyuan"), List.of("FINANCE")), "office01");
        String key = "manual/" + campaign.id() + "/unit-yuyuan/twin-" + System.nanoTime();
        try (Connection twin = dataSource.getConnection()) {
            twin.setAutoCommit(false);
            try (PreparedStatement insert = twin.prepareStatement("insert into notification"
                    + " (campaign_id, recipient_group, kind, message, dedup_key, created_at, mailed)"
                    + " values (?, 'unit-yuyuan', 'MANUAL', '区政府办公室提醒（先到的请求）', ?, ?, false)")) {
                insert.setLong(1, campaign.id());
                insert.setString(2, key);
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }

            // when this request records the same key meanwhile, and the twin commits
            CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> notifications.notifyOnce(
                    campaign.id(), "unit-yuyuan", Notification.Kind.MANUAL, "区政府办公室提醒（后到的请求）", key,
                    Notification.Link.page("/app/self-check/" + campaign.id() + "/yuyuan")));
            Thread.sleep(300); // let it reach the insert, where PostgreSQL makes it wait for the twin
            twin.commit();

            // then it recorded nothing and said so; the twin's message is the only one
            assertThat(second.get(30, TimeUnit.SECONDS)).isFalse();
        }
        assertThat(jdbc.queryForList("select message from notification where dedup_key = ?", String.class, key))
                .containsExactly("区政府办公室提醒（先到的请求）");
    }

    @Test
    void theSameKeyAgainLaterRecordsNothing() {
        // given a one-off notification recorded
        CampaignInfo campaign = campaigns.open(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("yuyuan"), List.of("FINANCE")), "office01");
        String key = "manual/" + campaign.id() + "/unit-yuyuan/again-" + System.nanoTime();
        boolean first = notifications.notifyOnce(campaign.id(), "unit-yuyuan", Notification.Kind.MANUAL, "提醒", key,
                Notification.Link.NONE);

        // when the same key comes again
        boolean again = notifications.notifyOnce(campaign.id(), "unit-yuyuan", Notification.Kind.MANUAL, "提醒", key,
                Notification.Link.NONE);

        // then only the first recorded it
        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from notification where dedup_key = ?", Long.class, key)).isOne();
    }

    @Test
    void aReadRecordedMeanwhileInAnotherWindowIsNotRecordedTwice() throws Exception {
        // given two unread notifications of a group, and another window's transaction marking the first read
        CampaignInfo campaign = campaigns.open(new OpenCampaign(TestUsers.freshYear(), 2023, null, null, null, null,
                List.of("yuyuan"), List.of("FINANCE")), "office01");
        String group = "unit-reads-" + System.nanoTime();
        notifications.notify(campaign.id(), group, Notification.Kind.MANUAL, "一", group + "/1");
        notifications.notify(campaign.id(), group, Notification.Kind.MANUAL, "二", group + "/2");
        assertThat(notifications.unreadCount("reader01", List.of(group))).isEqualTo(2);
        Long first = jdbc.queryForObject("select id from notification where dedup_key = ?", Long.class, group + "/1");
        try (Connection otherWindow = dataSource.getConnection()) {
            otherWindow.setAutoCommit(false);
            try (PreparedStatement insert = otherWindow.prepareStatement(
                    "insert into notification_read (notification_id, user_id, read_at) values (?, 'reader01', ?)")) {
                insert.setLong(1, first);
                insert.setTimestamp(2, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }

            // when this window opens the notifications meanwhile, and the other window commits
            CompletableFuture<List<NotificationService.InboxEntry>> opened =
                    CompletableFuture.supplyAsync(() -> notifications.openInbox("reader01", List.of(group), 50));
            Thread.sleep(300);
            otherWindow.commit();

            // then it shows both as unread (as they were when it looked) without failing
            assertThat(opened.get(30, TimeUnit.SECONDS)).hasSize(2).allMatch(NotificationService.InboxEntry::unread);
        }
        // and each is now read once by this user, and still unread for another member of the group
        assertThat(notifications.unreadCount("reader01", List.of(group))).isZero();
        assertThat(notifications.unreadCount("reader02", List.of(group))).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from notification_read r join notification n"
                + " on n.id = r.notification_id where n.recipient_group = ?", Long.class, group)).isEqualTo(2);
    }
}
