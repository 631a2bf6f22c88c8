package cn.huangpu.assessment.notification;

import cn.huangpu.assessment.support.H2IntegrationTest;

@H2IntegrationTest
class NotifyOnceH2Tests extends NotifyOnceContract {
}
