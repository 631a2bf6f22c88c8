/**
 * How the register module stores its registers: the rows and void numbers with their repositories. The page and
 * the facts assembly read them through {@link cn.huangpu.assessment.register.RegisterService} as
 * {@link cn.huangpu.assessment.register.RegisteredRow} and {@link cn.huangpu.assessment.register.RecordedVoid}
 * records; other modules only see the figures, through {@link cn.huangpu.assessment.register.RegisterFacts}.
 */
package cn.huangpu.assessment.register.internal;
