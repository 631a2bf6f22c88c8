/**
 * Engine glue of the rectification: starting processes/RectificationLaunch.bpmn at each publication, its batch
 * delegates, and the delegates, listeners and completion checks of processes/UnitRectification.bpmn.
 */
package cn.huangpu.assessment.rectification.process;
