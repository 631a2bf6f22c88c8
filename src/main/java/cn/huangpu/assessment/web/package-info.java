/** What cuts across modules on the web: error answers in Chinese, layout. */
package cn.huangpu.assessment.web;
