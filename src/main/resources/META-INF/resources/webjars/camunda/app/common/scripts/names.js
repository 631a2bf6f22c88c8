/*
 * What the district's staff call the Camunda webapps and the app they belong to. Imported by each webapp's
 * scripts/config.js (the header's name and vendor, the page title) and by webapp-integration.js (the
 * header's app menu and its link back to the app), so each name is written once.
 */

/** Shown before each webapp's name in the header and the browser tab, as Camunda shows "Camunda". */
export const VENDOR = '黄浦区政府办公室';

/** By the webapps' own names (the app-name of their index page's base element). */
export const APP_NAMES = {
  tasklist: '待办任务',
  cockpit: '流程监控',
  admin: '系统管理',
  // the page behind the user menu's 个人信息
  welcome: '个人信息'
};

/** The app's home page, relative to the servlet context path. */
export const WORKBENCH = {
  label: '工作台',
  path: '/app'
};
