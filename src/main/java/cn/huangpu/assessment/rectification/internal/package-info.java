/** The rectification module's entities and repositories; other modules read them as its records. */
package cn.huangpu.assessment.rectification.internal;
