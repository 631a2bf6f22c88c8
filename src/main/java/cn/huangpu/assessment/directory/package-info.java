/**
 * The directory of who takes part: the assessed units (参评单位) and the specialist evaluators
 * (专项评估牵头单位), seeded by Flyway with stable codes.
 */
package cn.huangpu.assessment.directory;
