package cn.huangpu.assessment.selfcheck;

import cn.huangpu.assessment.support.PostgresIntegrationTest;

@PostgresIntegrationTest
class ConcurrentEditsPostgresTests extends ConcurrentEditsContract {
}
