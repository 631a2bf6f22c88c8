package cn.huangpu.assessment.notification;

import cn.huangpu.assessment.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 全部标为已读 button of the work overview; the notifications page itself marks what it shows read. */
@Controller
class NotificationController {

    private final NotificationService notifications;
    private final CurrentUser user;

    NotificationController(NotificationService notifications, CurrentUser user) {
        this.notifications = notifications;
        this.user = user;
    }

    @PostMapping("/app/notifications/read")
    String markAllRead(RedirectAttributes redirect) {
        int marked = notifications.markAllRead(user.id(), user.groups());
        redirect.addFlashAttribute("saved", marked == 0 ? "没有未读通知。" : "已将" + marked + "条通知标为已读。");
        return "redirect:/app";
    }
}
