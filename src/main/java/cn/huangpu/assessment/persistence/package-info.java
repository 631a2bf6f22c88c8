/** What the modules' entities share in how they are stored; no business rules. */
package cn.huangpu.assessment.persistence;
