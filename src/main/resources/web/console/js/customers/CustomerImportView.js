// Customer import (customer.import): upload a CSV file, see how it was read (encoding,
// delimiter, first rows), map its columns, check every row (a report of the bad ones),
// then import all of them at once, or none. The file is deleted once imported or abandoned.
import { ref, reactive, computed } from 'vue';
import { t } from '../../../shared/js/i18n.js';
import { post, del, upload } from '../../../shared/js/api.js';
import ProblemMessage from '../../../shared/js/ProblemMessage.js';

const BASE = '/api/v1/customer-imports';

export default {
  name: 'CustomerImportView',
  components: { ProblemMessage },
  setup() {
    const preview = ref(null);
    const mapping = reactive({ columns: [], updateExisting: false });
    const report = ref(null);
    const result = ref(null);
    const problem = ref(null);
    const busy = ref(false);
    const fileInput = ref(null);

    const mapped = computed(() => mapping.columns.some((target) => !!target));
    const checked = computed(() => report.value && report.value.problemCount === 0 && report.value.rows <= report.value.maxRows);

    function targetLabel(target) {
      if (target.startsWith('attr.')) {
        const key = target.substring(5);
        const labels = (preview.value && preview.value.attributeLabels) || {};
        return t('customerImport.target.attribute', { label: labels[key] || key });
      }
      return t('customerImport.target.' + target);
    }

    function body() {
      return { columns: mapping.columns.map((target) => target || null), updateExisting: mapping.updateExisting };
    }

    async function send(work) {
      problem.value = null;
      busy.value = true;
      try {
        await work();
      } catch (failure) {
        problem.value = failure;
      } finally {
        busy.value = false;
      }
    }

    function chosen() {
      const file = fileInput.value && fileInput.value.files[0];
      if (!file) return;
      send(async () => {
        const form = new FormData();
        form.append('file', file);
        try {
          preview.value = await upload(BASE, form);
        } finally {
          // choosing the same file again (after a refusal, say) must change the input again
          if (fileInput.value) fileInput.value.value = '';
        }
        mapping.columns = preview.value.suggested.map((target) => target || '');
        report.value = null;
        result.value = null;
      });
    }

    function mappingChanged() {
      report.value = null;
    }

    function check() {
      send(async () => {
        report.value = await post(BASE + '/' + preview.value.id + '/validation', body());
      });
    }

    function run() {
      send(async () => {
        result.value = await post(BASE + '/' + preview.value.id + '/import', body());
      });
    }

    function startOver() {
      const id = preview.value && !result.value ? preview.value.id : null;
      preview.value = null;
      report.value = null;
      result.value = null;
      problem.value = null;
      if (fileInput.value) fileInput.value.value = '';
      if (id) del(BASE + '/' + id).catch(() => {});
    }

    return { preview, mapping, report, result, problem, busy, fileInput, mapped, checked, targetLabel, chosen,
      mappingChanged, check, run, startOver, t };
  },
  template: `
    <div class="customer-import">
      <h1>{{ t('customerImport.title') }}</h1>
      <p class="muted">{{ t('customerImport.intro') }}</p>
      <ProblemMessage :problem="problem" />

      <section class="card" v-if="!preview">
        <label for="import-file">{{ t('customerImport.file') }}</label>
        <input id="import-file" ref="fileInput" type="file" accept=".csv,text/csv" :disabled="busy" @change="chosen">
        <p class="hint muted small">{{ t('customerImport.fileHint') }}</p>
      </section>

      <template v-else>
        <section class="card" data-step="preview">
          <h2>{{ t('customerImport.preview') }}</h2>
          <p class="muted small" data-read>{{ t('customerImport.read', { file: preview.fileName, encoding: preview.encoding,
            delimiter: preview.delimiter === '\\t' ? 'Tab' : preview.delimiter }) }}</p>
          <div class="table-wrap">
            <table class="import-preview">
              <thead>
                <tr>
                  <th v-for="(heading, index) in preview.header" :key="index" scope="col">
                    <div class="wrap">{{ heading }}</div>
                    <select :data-column="index" v-model="mapping.columns[index]" :disabled="busy || !!result"
                      :aria-label="t('customerImport.mapColumn', { column: heading })" @change="mappingChanged">
                      <option value="">{{ t('customerImport.skip') }}</option>
                      <option v-for="target in preview.targets" :key="target" :value="target">{{ targetLabel(target) }}</option>
                    </select>
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr v-for="(row, r) in preview.rows" :key="r">
                  <td v-for="(cell, c) in row" :key="c" class="wrap small">{{ cell }}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <label class="check">
            <input type="checkbox" id="import-update" v-model="mapping.updateExisting" :disabled="busy || !!result" @change="mappingChanged">
            <span>{{ t('customerImport.updateExisting') }}</span>
          </label>
          <div class="actions">
            <button type="button" class="primary" data-action="check" :disabled="busy || !mapped || !!result" @click="check">{{ t('customerImport.check') }}</button>
            <button type="button" data-action="start-over" :disabled="busy" @click="startOver">{{ result ? t('customerImport.another') : t('customerImport.abandon') }}</button>
          </div>
        </section>

        <section class="card" v-if="report" data-step="report">
          <h2>{{ t('customerImport.report') }}</h2>
          <p data-summary>{{ t('customerImport.summary', { rows: report.rows, valid: report.validRows, problems: report.problemCount }) }}</p>
          <table v-if="report.problems.length" class="import-problems">
            <thead><tr><th>{{ t('customerImport.row') }}</th><th>{{ t('customerImport.column') }}</th><th>{{ t('customerImport.reason') }}</th></tr></thead>
            <tbody>
              <tr v-for="(item, index) in report.problems" :key="index">
                <td>{{ item.row }}</td>
                <td class="wrap">{{ item.column }}</td>
                <td class="wrap">{{ t('customerImport.reason.' + item.reason) }}</td>
              </tr>
            </tbody>
          </table>
          <p class="muted small" v-if="report.problemCount > report.problems.length">{{ t('customerImport.more', { count: report.problemCount - report.problems.length }) }}</p>
          <p class="muted small" v-if="report.problemCount > 0">{{ t('customerImport.fixFirst') }}</p>
          <p class="muted small" v-if="report.rows > report.maxRows" data-too-many>{{ t('customerImport.tooMany', { max: report.maxRows }) }}</p>
          <div class="actions" v-if="checked && !result">
            <button type="button" class="primary" data-action="import" :disabled="busy" @click="run">{{ t('customerImport.import', { rows: report.validRows }) }}</button>
            <span class="muted small" v-if="busy">{{ t('customerImport.importing') }}</span>
          </div>
        </section>

        <section class="card" v-if="result" data-step="result">
          <h2>{{ t('customerImport.done') }}</h2>
          <p data-result>{{ t('customerImport.result', { created: result.created, updated: result.updated }) }}</p>
        </section>
      </template>
    </div>`,
};
