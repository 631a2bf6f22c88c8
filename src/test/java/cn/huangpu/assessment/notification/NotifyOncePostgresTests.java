package cn.huangpu.assessment.notification;

import cn.huangpu.assessment.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class NotifyOncePostgresTests extends NotifyOnceContract {
}
