/**
 * The online-verification assistant: checks every evidence link a unit gave, safely (http/https only,
 * a host allow-list, no private addresses at any hop, time/size/redirect limits, bounded concurrency),
 * records a citable check per URL and proposes broken-link and wrong-link findings for the verifier
 * to accept or reject.
 */
package cn.huangpu.assessment.linkcheck;
