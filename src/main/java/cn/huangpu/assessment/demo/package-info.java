/**
 * Demo data and bots: users that complete tasks through the engine's task API as the right people,
 * used by the embedded default's demo campaign, the scenario tests and the benchmark.
 */
package cn.huangpu.assessment.demo;
