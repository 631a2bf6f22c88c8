package cn.huangpu.assessment.notification.internal;

import cn.huangpu.assessment.notification.NotificationService;
import cn.huangpu.assessment.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The header's unread count, for the logged-in user: the layout asks {@code @unreadNotifications.label()}
 * on every page it renders, so pages need not put it into their models.
 */
@Component("unreadNotifications")
public class UnreadNotifications {

    private final NotificationService notifications;
    private final CurrentUser user;

    UnreadNotifications(NotificationService notifications, CurrentUser user) {
        this.notifications = notifications;
        this.user = user;
    }

    /** How many notifications the logged-in user has not read; 0 without a login. */
    public long count() {
        return notifications.unreadCount(user.id(), user.groups());
    }

    /** The count as the header shows it ("3", "99+"), or null when nothing is unread. */
    public String label() {
        long count = count();
        return count == 0 ? null : count > 99 ? "99+" : String.valueOf(count);
    }
}
