package cn.huangpu.assessment.selfcheck;

import cn.huangpu.assessment.support.H2IntegrationTest;

@H2IntegrationTest
class ConcurrentEditsH2Tests extends ConcurrentEditsContract {
}
