/*
 * Makes the Tasklist, Cockpit, Admin and Welcome (个人信息) part of the app: Chinese from the first render,
 * the app's names in the header, and a link back to 工作台. Each webapp lists this file in customScripts
 * (scripts/config.js); it imports it as an ES module after declaring its AngularJS modules and waits for it
 * (top-level await included) before it bootstraps them.
 */
import { APP_NAMES, WORKBENCH } from './names.js';

const angular = window.angular;
const base = document.querySelector('base');
// The servlet context path followed by camunda.bpm.webapp.application-path (/camunda).
const appRoot = base.getAttribute('app-root');
const app = base.getAttribute('app-name');
const custom = angular.module(`cam.${app}.custom`);

/*
 * The header: a link back to 工作台 beside the user's menu, and the app menu's entries (hard-coded
 * "Tasklist", "Cockpit", "Admin" in the 7.24 template) by their Chinese names.
 */
const contextPath = appRoot.slice(0, appRoot.lastIndexOf('/'));
const workbenchItem = `<li class="workbench" ng-if="authentication.name">
  <a href="${contextPath}${WORKBENCH.path}">${WORKBENCH.label}</a>
</li>`;
custom.config(['$provide', ($provide) => {
  $provide.decorator('camWidgetHeaderDirective', ['$delegate', ($delegate) => {
    const header = $delegate[0];
    header.template = header.template
      .replace('<li engine-select></li>', `${workbenchItem}\n<li engine-select></li>`)
      .replace('{{ app.label }}', `{{ (${JSON.stringify(APP_NAMES)})[appName] || app.label }}`);
    return $delegate;
  }]);
}]);

/*
 * 新建任务 (a task outside every process) is for administrators: the engine refuses it to anyone without CREATE
 * on tasks, but the Tasklist shows the action to everyone. So the action is left out of the header's list and put
 * back once the engine, asked for the current user, says the user may create tasks (the engine decides again
 * when a task is created).
 */
const CREATE_TASK_ACTION = 'create-task-action';
if (app === 'tasklist') {
  custom.config(['$provide', ($provide) => {
    $provide.decorator('Views', ['$delegate', '$http', 'Uri', (views, $http, Uri) => {
      const getProviders = views.getProviders;
      views.getProviders = function (options) {
        const providers = getProviders.apply(this, arguments);
        const at = providers.findIndex((p) => p.id === CREATE_TASK_ACTION);
        if (!options || options.component !== 'tasklist.navbar.action' || at < 0) {
          return providers;
        }
        const createTask = providers[at];
        const shown = providers.filter((p) => p !== createTask);
        $http.get(Uri.appUri('engine://engine/:engine/authorization/check'), {
          params: { permissionName: 'CREATE', resourceName: 'Task', resourceType: 7 }
        }).then((answer) => {
          if (answer.data && answer.data.authorized === true) {
            shown.splice(at, 0, createTask);
          }
        }, () => { /* not logged in or refused: the action stays hidden */ });
        return shown;
      };
      return views;
    }]);
  }]);
}

/*
 * The webapps fetch their locale file with $http only after bootstrap. Widgets that translate once when
 * they link (the Tasklist's search and sort, $translate.instant) and the page titles showed the keys
 * whenever they rendered first: about one fresh load in four showed CREATION_DATE and SEARCH_PLACEHOLDER.
 * Dates stayed English ("6 days ago") the same way, since the file's dateLocales reach moment.js only
 * through the loader's callback. So the same file is fetched here, before bootstrap: its labels become the
 * locale's table in angular-translate, and the webapp's loader serves it from memory with its own callback,
 * run at once by the refresh below, before anything renders.
 */
const conf = window[`cam${app.charAt(0).toUpperCase()}${app.slice(1)}Conf`] || {};
const locale = (conf.locales && conf.locales.fallbackLocale) || 'zh-CN';
try {
  // the URL the webapp's loader asks for
  const response = await fetch(`${appRoot}/app/${app}/locales/${locale}.json?bust=${window.bust}`,
    { credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(`${response.status} for ${response.url}`);
  }
  const file = await response.json();
  custom
    .config(['$translateProvider', '$provide', ($translateProvider, $provide) => {
      $translateProvider.translations(locale, file.labels);
      $provide.decorator('localeLoader', ['$delegate', '$q', (load, $q) => (options) => {
        if (options.key !== locale) {
          return load(options);
        }
        if (typeof options.callback === 'function') {
          options.callback(null, file, options.key);
        }
        return $q.resolve(file.labels);
      }]);
    }])
    .run(['$translate', ($translate) => $translate.refresh(locale)]);
} catch (e) {
  // the webapp still loads the file itself, as it would without this script
  console.error(`Locale ${locale} not preloaded`, e);
}
