// Logs (log.view): the lines of every node's log files for technical support. Filter by time
// (read in the organisation's time zone; without a range, the last hour), level, type, node,
// logger, text or a regular expression (RE2) and correlation id; follow new lines live, open
// the lines around one, download what the filter selects.
import { ref, reactive, computed, onMounted, onUnmounted } from 'vue';
import { useRoute } from 'vue-router';
import { t, formatInstant, zonedInstant } from '../../../shared/js/i18n.js';
import { localNow } from '../faults/ReportDialog.js';
import { get } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';
import { session } from '../session.js';

const LEVELS = ['ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE'];
const TYPES = ['application', 'access', 'security', 'slow-query'];
const FOLLOW_EVERY_MS = 3000;
const MAX_SHOWN = 1000;

const blank = () => ({ since: '', until: '', levels: [], type: '', node: '', logger: '', text: '', regex: false,
  correlationId: '' });

export default {
  name: 'LogsView',
  components: { ProblemMessage },
  setup() {
    const filter = reactive(blank());
    const lines = ref([]);
    const nodes = ref([]);
    const complete = ref(true);
    const loading = ref(false);
    const problem = ref(null);
    const following = ref(false);
    const opened = ref(null);
    const around = ref(null);
    const timeZone = computed(() => session.me.organisation.timeZone);
    let timer = null;

    function query(overrides) {
      return {
        since: zonedInstant(filter.since, timeZone.value), until: zonedInstant(filter.until, timeZone.value),
        level: filter.levels.join(','), type: filter.type, node: filter.node, logger: filter.logger.trim(),
        text: filter.text, regex: filter.regex ? 'true' : '', correlationId: filter.correlationId.trim(),
        ...overrides,
      };
    }

    const downloadUrl = computed(() => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query({}))) {
        if (value) params.set(key, value);
      }
      return '/api/v1/operations/logs/download?' + params.toString();
    });

    async function load() {
      loading.value = true;
      problem.value = null;
      around.value = null;
      try {
        const result = await get('/api/v1/operations/logs', query({ limit: 500 }));
        lines.value = result.lines;
        complete.value = result.complete;
        nodes.value = Array.from(new Set(nodes.value.concat(result.nodes)));
      } catch (failure) {
        problem.value = failure;
        stopFollowing();
      } finally {
        loading.value = false;
      }
    }

    const key = (line) => line.at + '|' + line.node + '|' + line.type + '|' + line.message;

    async function poll() {
      const newest = lines.value.length ? lines.value[0].at : null;
      try {
        const result = await get('/api/v1/operations/logs', query({ since: newest, until: null, limit: 500 }));
        const known = new Set(lines.value.map(key));
        const fresh = result.lines.filter((line) => !known.has(key(line)));
        lines.value = fresh.concat(lines.value).slice(0, MAX_SHOWN);
      } catch (failure) {
        problem.value = failure;
        stopFollowing();
      }
    }

    function follow() {
      if (following.value) {
        stopFollowing();
        return;
      }
      filter.until = '';
      following.value = true;
      timer = setInterval(poll, FOLLOW_EVERY_MS);
      poll();
    }

    function stopFollowing() {
      following.value = false;
      if (timer) clearInterval(timer);
      timer = null;
    }

    async function openAround(line) {
      problem.value = null;
      const at = new Date(line.at).getTime();
      try {
        const result = await get('/api/v1/operations/logs', {
          since: new Date(at - 60000).toISOString(), until: new Date(at + 60000).toISOString(),
          type: line.type, node: line.node, limit: 200,
        });
        around.value = { line, lines: result.lines.slice().reverse() };
      } catch (failure) {
        problem.value = failure;
      }
    }

    function byCorrelation(id) {
      Object.assign(filter, blank(), { correlationId: id });
      load();
    }

    function reset() {
      stopFollowing();
      Object.assign(filter, blank());
      load();
    }

    const levelClass = (level) => (level === 'ERROR' ? 'off' : level === 'WARN' ? 'warn' : '');
    const shortLogger = (logger) => (logger || '').replace(/^(\w)\w*\.(\w)\w*\.(?=.*\.)/, '$1.$2.');
    const shortNode = (node) => (node || '').slice(0, 8);
    const toggle = (line) => { opened.value = opened.value === line ? null : line; };

    // a window given in the address (?since=ISO&until=ISO&level=ERROR&correlationId=...), e.g. from a fault
    const route = useRoute();
    function fromAddress() {
      const q = route.query;
      const local = (iso) => (typeof iso === 'string' && !isNaN(Date.parse(iso)) ? localNow(timeZone.value, new Date(iso)) : '');
      if (q.since) filter.since = local(q.since);
      if (q.until) filter.until = local(q.until);
      if (typeof q.level === 'string') filter.levels = q.level.split(',').filter((level) => LEVELS.includes(level));
      if (typeof q.correlationId === 'string') filter.correlationId = q.correlationId;
    }

    onMounted(() => {
      fromAddress();
      load();
    });
    onUnmounted(stopFollowing);
    return { filter, lines, nodes, complete, loading, problem, following, opened, around, timeZone, downloadUrl,
      LEVELS, TYPES, load, follow, openAround, byCorrelation, reset, levelClass, shortLogger, shortNode, toggle,
      key, formatInstant, t };
  },
  template: `
    <div class="logs-view">
      <h1>{{ t('logs.title') }}</h1>
      <form class="toolbar card logs-filter" @submit.prevent="load">
        <div>
          <label for="logs-since">{{ t('logs.since') }}</label>
          <input id="logs-since" type="datetime-local" v-model="filter.since">
        </div>
        <div>
          <label for="logs-until">{{ t('logs.until') }}</label>
          <input id="logs-until" type="datetime-local" v-model="filter.until" :disabled="following">
        </div>
        <div>
          <label for="logs-type">{{ t('logs.type') }}</label>
          <select id="logs-type" v-model="filter.type">
            <option value="">{{ t('logs.anyType') }}</option>
            <option v-for="type in TYPES" :key="type" :value="type">{{ t('logs.type.' + type) }}</option>
          </select>
        </div>
        <div>
          <label for="logs-node">{{ t('logs.node') }}</label>
          <select id="logs-node" v-model="filter.node">
            <option value="">{{ t('logs.anyNode') }}</option>
            <option v-for="node in nodes" :key="node" :value="node">{{ shortNode(node) }}</option>
          </select>
        </div>
        <fieldset class="logs-levels">
          <legend>{{ t('logs.level') }}</legend>
          <label v-for="level in LEVELS" :key="level" class="check">
            <input type="checkbox" :value="level" v-model="filter.levels" :data-level="level"> {{ level }}
          </label>
        </fieldset>
        <div class="grow">
          <label for="logs-text">{{ t('logs.text') }}</label>
          <input id="logs-text" type="search" v-model="filter.text" maxlength="200">
          <label class="check small"><input id="logs-regex" type="checkbox" v-model="filter.regex"> {{ t('logs.regex') }}</label>
        </div>
        <div class="grow">
          <label for="logs-logger">{{ t('logs.logger') }}</label>
          <input id="logs-logger" type="text" v-model="filter.logger" maxlength="200" placeholder="dev.parley.tickets">
        </div>
        <div class="grow">
          <label for="logs-correlation">{{ t('logs.correlationId') }}</label>
          <input id="logs-correlation" type="text" v-model="filter.correlationId" maxlength="64">
        </div>
        <div class="row">
          <button id="logs-search" class="primary" type="submit" :disabled="loading">{{ t('action.filter') }}</button>
          <button type="button" @click="reset">{{ t('action.reset') }}</button>
          <button id="logs-follow" type="button" :class="{ primary: following }" @click="follow">{{ following ? t('logs.stop') : t('logs.follow') }}</button>
          <a id="logs-download" class="button-like" :href="downloadUrl" download>{{ t('logs.download') }}</a>
        </div>
      </form>
      <p class="muted small">{{ t('logs.zone', { zone: timeZone }) }}</p>
      <ProblemMessage :problem="problem" />
      <p class="notice logs-incomplete" v-if="!complete" id="logs-incomplete">{{ t('logs.incomplete') }}</p>
      <div class="card" v-if="around" id="logs-around">
        <div class="row">
          <h2 class="grow">{{ t('logs.aroundTitle', { time: formatInstant(around.line.at, timeZone) }) }}</h2>
          <button type="button" @click="around = null">{{ t('logs.back') }}</button>
        </div>
        <div class="logs-lines">
          <div v-for="line in around.lines" :key="key(line)" class="logs-line"
            :class="{ 'logs-here': key(line) === key(around.line) }">
            <span class="small">{{ formatInstant(line.at, timeZone) }}</span>
            <span class="badge" :class="levelClass(line.level)">{{ line.level }}</span>
            <span class="logs-logger small">{{ shortLogger(line.logger) }}</span>
            <span class="logs-message">{{ line.message }}</span>
            <pre v-if="line.error" class="logs-error">{{ line.error }}</pre>
          </div>
        </div>
      </div>
      <div class="card table-wrap" style="padding:0" v-else>
        <table class="logs-table">
          <thead>
            <tr>
              <th>{{ t('logs.time') }}</th><th>{{ t('logs.level') }}</th><th>{{ t('logs.type') }}</th>
              <th>{{ t('logs.node') }}</th><th>{{ t('logs.logger') }}</th><th>{{ t('logs.message') }}</th>
            </tr>
          </thead>
          <tbody>
            <template v-for="line in lines" :key="key(line)">
              <tr class="logs-row" :data-level="line.level" :data-type="line.type" @click="toggle(line)">
                <td class="small nowrap">{{ formatInstant(line.at, timeZone) }}</td>
                <td><span class="badge" :class="levelClass(line.level)">{{ line.level }}</span></td>
                <td class="small">{{ t('logs.type.' + line.type) }}</td>
                <td class="small" :title="line.node">{{ shortNode(line.node) }}</td>
                <td class="small logs-logger" :title="line.logger">{{ shortLogger(line.logger) }}</td>
                <td class="wrap logs-message">{{ line.message }}<span v-if="line.error" class="badge off logs-has-error">!</span></td>
              </tr>
              <tr v-if="opened === line" class="logs-detail">
                <td colspan="6">
                  <dl class="facts small">
                    <dt>{{ t('logs.logger') }}</dt><dd>{{ line.logger }}</dd>
                    <dt>{{ t('logs.thread') }}</dt><dd>{{ line.thread }}</dd>
                    <dt>{{ t('logs.node') }}</dt><dd>{{ line.node }}</dd>
                    <dt v-if="line.correlationId">{{ t('logs.correlationId') }}</dt>
                    <dd v-if="line.correlationId"><a href="#" class="logs-correlation" @click.prevent="byCorrelation(line.correlationId)">{{ line.correlationId }}</a></dd>
                  </dl>
                  <pre v-if="line.error" class="logs-error">{{ line.error }}</pre>
                  <button type="button" class="logs-open-around" @click="openAround(line)">{{ t('logs.around') }}</button>
                </td>
              </tr>
            </template>
          </tbody>
        </table>
        <div class="empty" v-if="!loading && !lines.length">{{ t('logs.none') }}</div>
      </div>
    </div>`,
};
